// Manual performance probe (not a unit test): serves a 10,000-customer demo state and times list pages,
// retrieves, metrics and activities over HTTP. Run: `npx tsx test/emulator/perf-probe.ts`.

import { generateDemo } from '../demo/generator';
import { toEmulatorState } from '../demo/views';
import { startEmulator } from './server';

async function main(): Promise<void> {
  const t0 = Date.now();
  const state = toEmulatorState(generateDemo({ firstMonthSignups: 200 }));
  const lines = state.invoices.reduce((n, i) => n + i.line_items.length, 0);
  console.log(`state: ${state.customers.length} customers, ${state.invoices.length} invoices, ${lines} lines (${Date.now() - t0} ms)`);
  const emu = await startEmulator({ seed: state, rateLimit: 0, maxConcurrent: 0 });
  const auth = `Basic ${Buffer.from(`${emu.readWriteKey}:`).toString('base64')}`;
  const get = async (path: string): Promise<{ ms: number; body: Record<string, unknown> }> => {
    const s = performance.now();
    const r = await fetch(emu.url + path, { headers: { Authorization: auth } });
    const body = (await r.json()) as Record<string, unknown>;
    if (r.status !== 200) throw new Error(`${path} → ${r.status} ${JSON.stringify(body)}`);
    return { ms: Math.round(performance.now() - s), body };
  };
  const time = async (label: string, path: string, repeat = 3): Promise<Record<string, unknown>> => {
    const runs: number[] = [];
    let body: Record<string, unknown> = {};
    for (let i = 0; i < repeat; i++) ({ ms: runs[i], body } = await get(path));
    console.log(`${label.padEnd(34)} ${runs.map((m) => `${m}ms`).join(' / ')}`);
    return body;
  };
  const cus = (await time('GET /v1/customers (first page)', '/v1/customers?per_page=200')) as { entries: Array<{ uuid: string }>; cursor: string };
  const far = await get('/v1/customers?per_page=200');
  let cursor = far.body.cursor as string;
  for (let i = 0; i < 40; i++) cursor = (await get(`/v1/customers?per_page=200&cursor=${encodeURIComponent(cursor)}`)).body.cursor as string;
  await time('GET /v1/customers (page 42)', `/v1/customers?per_page=200&cursor=${encodeURIComponent(cursor)}`);
  const uuid = cus.entries[cus.entries.length - 1].uuid;
  const last = state.customers[state.customers.length - 1].uuid;
  await time('GET /v1/customers/{uuid} (last)', `/v1/customers/${last}`);
  await time('GET /v1/customers?external_id=', `/v1/customers?external_id=${state.customers[9000].external_id}`);
  await time('GET /v1/customers?status=Active', '/v1/customers?status=Active&per_page=200');
  await time('GET /v1/customers/search', `/v1/customers/search?email=${encodeURIComponent(state.customers[9000].email ?? '')}`);
  await time('GET /v1/customers/{uuid}/subscriptions', `/v1/customers/${uuid}/subscriptions`);
  await time('GET /v1/customers/{uuid}/activities', `/v1/customers/${uuid}/activities`);
  await time('GET /v1/import/customers/{u}/invoices', `/v1/import/customers/${last}/invoices`);
  await time('GET /v1/import/customers/{u}/subs', `/v1/import/customers/${last}/subscriptions`);
  await time('GET /v1/invoices (first page)', '/v1/invoices?per_page=200');
  await time('GET /v1/invoices?customer_uuid=', `/v1/invoices?customer_uuid=${last}`);
  const inv = await get('/v1/invoices?per_page=200');
  let ic = inv.body.cursor as string;
  for (let i = 0; i < 100; i++) ic = (await get(`/v1/invoices?per_page=200&cursor=${encodeURIComponent(ic)}`)).body.cursor as string;
  await time('GET /v1/invoices (page 102)', `/v1/invoices?per_page=200&cursor=${encodeURIComponent(ic)}`);
  await time('GET /v1/invoices/{uuid}', `/v1/invoices/${state.invoices[state.invoices.length - 1].uuid}`);
  await time('GET /v1/plans', '/v1/plans');
  await time('GET /v1/data_sources', '/v1/data_sources?with_processing_status=true');
  await time('GET /v1/subscription_events', '/v1/subscription_events');
  const y = new Date().getUTCFullYear();
  await time('GET /v1/metrics/all (month, 2y)', `/v1/metrics/all?start-date=${y - 2}-01-01&end-date=${y}-12-31&interval=month`);
  await time('GET /v1/metrics/mrr (day, 2y)', `/v1/metrics/mrr?start-date=${y - 2}-01-01&end-date=${y}-12-31&interval=day`);
  await time('GET /v1/metrics/all?geo=US', `/v1/metrics/all?start-date=${y - 2}-01-01&end-date=${y}-12-31&interval=month&geo=US`);
  const act = (await time('GET /v1/activities (first page)', `/v1/activities?per_page=200`)) as { cursor: string };
  let ac = act.cursor;
  for (let i = 0; i < 50; i++) ac = (await get(`/v1/activities?per_page=200&cursor=${encodeURIComponent(ac)}`)).body.cursor as string;
  await time('GET /v1/activities (page 52)', `/v1/activities?per_page=200&cursor=${encodeURIComponent(ac)}`);
  await time('GET /v1/activities?start-date', `/v1/activities?start-date=${y}-01-01&per_page=200`);
  await emu.stop();
}

void main();
