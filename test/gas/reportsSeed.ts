// The small known account of the Reports e2e tests, created through the emulator's API with the read & write key:
// a data source, two plans, five customers (one named like a formula, custom attributes) and monthly invoices.

const A = 10000; // Basic, cents a month
const B = 25000; // Pro

/** Emulator "now" while seeding and testing (cancellations and activities are relative to it). */
export const SEED_NOW = '2025-07-01T12:00:00Z';
export const EVIL_NAME = '=HYPERLINK("http://evil.example","click me")';

async function api(url: string, key: string, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(url + path, {
    method,
    headers: { Authorization: 'Basic ' + Buffer.from(key + ':').toString('base64'), 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

export async function control(url: string, path: string, body: unknown): Promise<void> {
  const res = await fetch(url + path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status >= 300) throw new Error(`${path} → ${res.status}`);
}

function months(from: number, to: number): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let m = from; m < to; m++) {
    const p = (n: number) => `2025-${String(n).padStart(2, '0')}-01T00:00:00Z`;
    out.push([p(m), p(m + 1)]);
  }
  return out;
}

/**
 * Customers: A (US, Basic Jan–Jul, active now), B (DE, Pro Feb–Jun, formula-like name, channel=ads, seats=5), C (US, Basic March
 * only: churns Apr 1), D (US lead), E (FR lead, tier=gold). Month-end MRR Jan–Jun: 100, 350, 450, 350, 350, 350.
 */
export async function seedReports(url: string, key: string): Promise<void> {
  await control(url, '/_emulator/clock', { now: SEED_NOW });
  const ds = await api(url, key, 'POST', '/v1/data_sources', { name: 'Reports test' });
  const dsu = ds.uuid as string;
  const basic = await api(url, key, 'POST', '/v1/plans', { data_source_uuid: dsu, name: 'Basic', interval_count: 1, interval_unit: 'month', external_id: 'basic' });
  const pro = await api(url, key, 'POST', '/v1/plans', { data_source_uuid: dsu, name: 'Pro', interval_count: 1, interval_unit: 'month', external_id: 'pro' });
  const customer = (external_id: string, name: string, country: string, custom: unknown[] = []) =>
    api(url, key, 'POST', '/v1/customers', { data_source_uuid: dsu, external_id, name, country, email: external_id + '@example.com', attributes: { custom } });
  const a = await customer('cus_a', 'Alpha Ltd', 'US');
  const b = await customer('cus_b', EVIL_NAME, 'DE', [
    { type: 'String', key: 'channel', value: 'ads' },
    { type: 'Integer', key: 'seats', value: 5 },
  ]);
  const c = await customer('cus_c', 'Gamma GmbH', 'US', [{ type: 'String', key: 'channel', value: '=1+1' }]);
  await customer('cus_d', 'Delta Inc', 'US');
  await customer('cus_e', 'Epsilon SA', 'FR', [{ type: 'String', key: 'tier', value: 'gold' }]);
  const invoices = async (cus: Record<string, unknown>, plan: Record<string, unknown>, sub: string, amount: number, from: number, to: number) => {
    const list = months(from, to).map(([start, end], i) => ({
      external_id: `${sub}-inv-${i}`,
      date: start,
      currency: 'USD',
      line_items: [{ type: 'subscription', subscription_external_id: sub, plan_uuid: plan.uuid, service_period_start: start, service_period_end: end, amount_in_cents: amount, quantity: 1 }],
    }));
    await api(url, key, 'POST', `/v1/import/customers/${cus.uuid as string}/invoices`, { invoices: list });
  };
  await invoices(a, basic, 'sub_a', A, 1, 8);
  await invoices(b, pro, 'sub_b', B, 2, 7);
  await invoices(c, basic, 'sub_c', A, 3, 4);
}
