// Two views of the demo model: an emulator state (the playground's seeded account) and import workbook rows.
// Ids in the state are derived from the external ids, so the same seed always gives the same account.

import { createHash } from 'crypto';
import type { EmulatorState, Invoice, LineItem, Subscription } from '../emulator/state';
import { emptyState } from '../emulator/state';
import type { DemoModel } from './generator';

function uuidFrom(prefix: string, key: string): string {
  const h = createHash('sha1').update(prefix + ':' + key).digest('hex');
  return `${prefix}_${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const DEMO_DATA_SOURCE = 'Demo billing';

/** The demo account as an emulator state: one custom data source holding every plan, customer and invoice. */
export function toEmulatorState(model: DemoModel, account: Partial<EmulatorState['account']> = {}): EmulatorState {
  const state = emptyState({ name: 'Demo SaaS Inc.', currency: 'USD', time_zone: 'Etc/UTC', ...account });
  const ds = uuidFrom('ds', 'demo');
  state.dataSources.push({ uuid: ds, name: DEMO_DATA_SOURCE, system: 'Custom', created_at: model.startDate + 'T00:00:00.000Z', status: 'idle' });
  const planUuid = new Map<string, string>();
  for (const p of model.plans) {
    const uuid = uuidFrom('pl', p.externalId);
    planUuid.set(p.externalId, uuid);
    state.plans.push({ uuid, data_source_uuid: ds, external_id: p.externalId, name: p.name, interval_count: p.intervalCount, interval_unit: p.intervalUnit });
  }
  const customerUuid = new Map<string, string>();
  for (const c of model.customers) {
    const uuid = uuidFrom('cus', c.externalId);
    customerUuid.set(c.externalId, uuid);
    state.customers.push({
      id: state.nextCustomerId++,
      uuid,
      data_source_uuid: ds,
      external_id: c.externalId,
      name: c.name,
      email: c.email,
      company: c.company,
      country: c.country,
      state: null,
      city: c.city,
      zip: null,
      website_url: null,
      owner: null,
      lead_created_at: c.leadCreatedAt ? c.leadCreatedAt.replace('Z', '.000Z') : null,
      free_trial_started_at: c.freeTrialStartedAt ? c.freeTrialStartedAt.replace('Z', '.000Z') : null,
      tags: [...c.tags],
      custom: {
        Industry: { type: 'String', value: c.custom.Industry, source: 'API' },
        Seats: { type: 'Integer', value: c.custom.Seats, source: 'API' },
        Onboarded: { type: 'Boolean', value: c.custom.Onboarded, source: 'API' },
      },
      created_at: (c.leadCreatedAt ?? model.startDate + 'T00:00:00Z').replace('Z', '.000Z'),
    });
  }
  const subs = new Map<string, Subscription>();
  for (const inv of model.invoices) {
    const cus = customerUuid.get(inv.customerExternalId) as string;
    const lines: LineItem[] = inv.lines.map((l, i) => {
      let subUuid: string | null = null;
      if (l.subscriptionExternalId) {
        let sub = subs.get(l.subscriptionExternalId);
        if (!sub) {
          sub = { uuid: uuidFrom('sub', l.subscriptionExternalId), external_id: l.subscriptionExternalId, subscription_set_external_id: null, data_source_uuid: ds, customer_uuid: cus, plan_uuid: null, cancellation_dates: [] };
          subs.set(l.subscriptionExternalId, sub);
          state.subscriptions.push(sub);
        }
        sub.plan_uuid = l.planExternalId ? planUuid.get(l.planExternalId) ?? null : null;
        subUuid = sub.uuid;
      }
      return {
        uuid: uuidFrom('li', `${inv.externalId}#${i}`),
        external_id: `${inv.externalId}-L${i + 1}`,
        type: l.type,
        subscription_uuid: subUuid,
        subscription_external_id: l.subscriptionExternalId,
        subscription_set_external_id: null,
        plan_uuid: l.planExternalId ? planUuid.get(l.planExternalId) ?? null : null,
        service_period_start: l.start ? l.start.replace('Z', '.000Z') : null,
        service_period_end: l.end ? l.end.replace('Z', '.000Z') : null,
        amount_in_cents: l.amountCents,
        quantity: l.quantity,
        prorated: false,
        proration_type: null,
        cancelled_at: null,
        discount_amount_in_cents: 0,
        discount_code: null,
        discount_description: null,
        tax_amount_in_cents: 0,
        transaction_fees_in_cents: 0,
        transaction_fees_currency: null,
        description: l.description,
        event_order: null,
        account_code: null,
      };
    });
    const invoice: Invoice = {
      uuid: uuidFrom('inv', inv.externalId),
      external_id: inv.externalId,
      data_source_uuid: ds,
      customer_uuid: cus,
      date: inv.date.replace('Z', '.000Z'),
      due_date: null,
      currency: inv.currency,
      collection_method: 'automatic',
      line_items: lines,
      transactions: inv.transactions.map((t) => ({
        uuid: uuidFrom('tr', t.externalId),
        external_id: t.externalId,
        type: t.type,
        date: t.date.replace('Z', '.000Z'),
        result: t.result,
        amount_in_cents: null,
        transaction_fees_in_cents: null,
        transaction_fees_currency: null,
      })),
      disabled: false,
    };
    state.invoices.push(invoice);
  }
  return state;
}

export type Row = Array<string | number | boolean | Date>;

/** The demo account as import tabs (header row first), in the template's column names. */
export function toWorkbookRows(model: DemoModel): Record<'Plans' | 'Customers' | 'Invoices' | 'Transactions', Row[]> {
  const Plans: Row[] = [['external_id', 'name', 'interval_count', 'interval_unit']];
  for (const p of model.plans) Plans.push([p.externalId, p.name, p.intervalCount, p.intervalUnit]);
  const Customers: Row[] = [['external_id', 'name', 'email', 'company', 'country', 'city', 'lead_created_at', 'free_trial_started_at', 'tags', 'custom.Industry', 'custom.Seats', 'custom.Onboarded']];
  for (const c of model.customers) {
    Customers.push([c.externalId, c.name, c.email, c.company, c.country, c.city, c.leadCreatedAt ? new Date(c.leadCreatedAt) : '', c.freeTrialStartedAt ? new Date(c.freeTrialStartedAt) : '', c.tags.join(', '), c.custom.Industry, c.custom.Seats, c.custom.Onboarded]);
  }
  const Invoices: Row[] = [['invoice_external_id', 'customer_external_id', 'date', 'currency', 'type', 'plan_external_id', 'subscription_external_id', 'service_period_start', 'service_period_end', 'amount', 'quantity', 'description']];
  const Transactions: Row[] = [['invoice_external_id', 'external_id', 'type', 'date', 'result']];
  const exponent = (cur: string) => (cur === 'JPY' ? 0 : 2);
  for (const inv of model.invoices) {
    for (const l of inv.lines) {
      Invoices.push([inv.externalId, inv.customerExternalId, new Date(inv.date), inv.currency, l.type, l.planExternalId ?? '', l.subscriptionExternalId ?? '', l.start ? new Date(l.start) : '', l.end ? new Date(l.end) : '', l.amountCents / Math.pow(10, exponent(inv.currency)), l.quantity, l.description ?? '']);
    }
    for (const t of inv.transactions) Transactions.push([inv.externalId, t.externalId, t.type, new Date(t.date), t.result]);
  }
  return { Plans, Customers, Invoices, Transactions };
}
