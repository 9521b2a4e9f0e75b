// Test helper: builds small EmulatorStates by hand (plans, customers, invoices, cancellations, subscription events)
// the way the HTTP layer would store them, with deterministic ids.

import { emptyState, type Account, type Customer, type EmulatorState, type LineItem, type Plan, type SubscriptionEvent } from '../state';

export interface LineSpec {
  plan?: Plan | null;
  sub: string; // subscription external id
  set?: string;
  start: string;
  end: string;
  amount: number;
  tax?: number;
  quantity?: number;
  cancelledAt?: string;
  prorated?: boolean;
  type?: 'subscription' | 'trial';
}

export class StateBuilder {
  readonly state: EmulatorState;
  private n = 0;
  readonly ds: string;

  constructor(account: Partial<Account> = {}) {
    this.state = emptyState(account);
    this.ds = this.dataSource('Main');
  }

  private id(prefix: string): string {
    this.n++;
    return `${prefix}_00000000-0000-4000-8000-${String(this.n).padStart(12, '0')}`;
  }

  dataSource(name: string): string {
    const uuid = this.id('ds');
    this.state.dataSources.push({ uuid, name, system: 'Custom', created_at: '2024-01-01T00:00:00.000Z', status: 'idle' });
    return uuid;
  }

  plan(name: string, external_id: string, interval_count = 1, interval_unit: Plan['interval_unit'] = 'month', ds = this.ds): Plan {
    const p: Plan = { uuid: this.id('pl'), data_source_uuid: ds, external_id, name, interval_count, interval_unit };
    this.state.plans.push(p);
    return p;
  }

  customer(external_id: string, extra: Partial<Customer> = {}, ds = this.ds): Customer {
    const c: Customer = {
      id: this.state.nextCustomerId++,
      uuid: this.id('cus'),
      data_source_uuid: ds,
      external_id,
      name: external_id,
      email: null,
      company: null,
      country: null,
      state: null,
      city: null,
      zip: null,
      website_url: null,
      owner: null,
      lead_created_at: null,
      free_trial_started_at: null,
      tags: [],
      custom: {},
      created_at: '2024-01-01T00:00:00.000Z',
      ...extra,
    };
    this.state.customers.push(c);
    return c;
  }

  /** One invoice; subscription records are created/linked like the import endpoint does. */
  invoice(customer: Customer, currency: string, lines: LineSpec[], date?: string): void {
    const ds = customer.data_source_uuid;
    const items: LineItem[] = lines.map((l) => {
      let rec = this.state.subscriptions.find((s) => s.data_source_uuid === ds && s.external_id === l.sub);
      if (!rec) {
        rec = {
          uuid: this.id('sub'),
          external_id: l.sub,
          subscription_set_external_id: l.set ?? null,
          data_source_uuid: ds,
          customer_uuid: customer.uuid,
          plan_uuid: null,
          cancellation_dates: [],
        };
        this.state.subscriptions.push(rec);
      }
      rec.plan_uuid = l.plan?.uuid ?? rec.plan_uuid;
      return {
        uuid: this.id('li'),
        external_id: null,
        type: l.type ?? 'subscription',
        subscription_uuid: rec.uuid,
        subscription_external_id: l.sub,
        subscription_set_external_id: l.set ?? null,
        plan_uuid: l.plan?.uuid ?? null,
        service_period_start: iso(l.start),
        service_period_end: iso(l.end),
        amount_in_cents: l.amount,
        quantity: l.quantity ?? 1,
        prorated: l.prorated ?? false,
        proration_type: null,
        cancelled_at: l.cancelledAt ? iso(l.cancelledAt) : null,
        discount_amount_in_cents: 0,
        discount_code: null,
        discount_description: null,
        tax_amount_in_cents: l.tax ?? 0,
        transaction_fees_in_cents: 0,
        transaction_fees_currency: null,
        description: null,
        event_order: null,
        account_code: null,
      };
    });
    this.state.invoices.push({
      uuid: this.id('inv'),
      external_id: `INV-${this.n}`,
      data_source_uuid: ds,
      customer_uuid: customer.uuid,
      date: iso(date ?? lines[0].start),
      due_date: null,
      currency,
      collection_method: null,
      line_items: items,
      transactions: [],
      disabled: false,
    });
  }

  /** PATCH /v1/import/subscriptions/{uuid} {cancelled_at}. */
  cancel(subExternalId: string, at: string, ds = this.ds): void {
    const rec = this.state.subscriptions.find((s) => s.data_source_uuid === ds && s.external_id === subExternalId);
    if (!rec) throw new Error(`no subscription ${subExternalId}`);
    rec.cancellation_dates.push(iso(at));
    rec.cancellation_dates.sort();
  }

  event(customer: Customer, e: Partial<SubscriptionEvent> & Pick<SubscriptionEvent, 'event_type' | 'effective_date'>): SubscriptionEvent {
    const ev: SubscriptionEvent = {
      id: this.state.nextSubscriptionEventId++,
      data_source_uuid: customer.data_source_uuid,
      customer_external_id: customer.external_id,
      subscription_external_id: null,
      subscription_set_external_id: null,
      event_date: e.effective_date,
      plan_external_id: null,
      currency: null,
      amount_in_cents: null,
      quantity: null,
      tax_amount_in_cents: null,
      external_id: null,
      event_order: null,
      retracted_event_id: null,
      created_at: '2024-01-01T00:00:00.000Z',
      updated_at: '2024-01-01T00:00:00.000Z',
      ...e,
    };
    ev.effective_date = iso(ev.effective_date);
    this.state.subscriptionEvents.push(ev);
    return ev;
  }
}

/** "2024-01-15" → "2024-01-15T00:00:00.000Z"; full timestamps are normalised to ISO UTC. */
export function iso(d: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(d) ? `${d}T00:00:00.000Z` : new Date(d).toISOString();
}

/** Standard scenario used across tests (numbers hand-computed in docs/emulator.md (Metric model) §Worked example). */
export function scenario(): { b: StateBuilder; plans: Record<'basic' | 'pro' | 'annual', Plan>; cus: Record<'A' | 'B' | 'C' | 'D' | 'F', Customer> } {
  const b = new StateBuilder({ currency: 'USD' });
  const basic = b.plan('Basic', 'basic');
  const pro = b.plan('Pro', 'pro');
  const annual = b.plan('Annual', 'annual', 1, 'year');
  const A = b.customer('A', {
    name: 'Alpha',
    country: 'US',
    tags: ['vip'],
    custom: { seats: { type: 'Integer', value: 10, source: 'API' } },
  });
  const B = b.customer('B', { name: 'Beta', country: 'DE' });
  const C = b.customer('C', { name: 'Gamma', country: 'GB' });
  const D = b.customer('D', { name: 'Delta', country: 'US', custom: { seats: { type: 'Integer', value: 2, source: 'API' } } });
  const F = b.customer('F', { name: 'Lead only', free_trial_started_at: '2024-01-01T00:00:00.000Z' });
  // A: Basic $100/month from Jan 15, upgrade to Pro $150 on Mar 15, cancelled Jun 1.
  b.invoice(A, 'USD', [{ plan: basic, sub: 'subA', start: '2024-01-15', end: '2024-02-15', amount: 10000 }]);
  b.invoice(A, 'USD', [{ plan: basic, sub: 'subA', start: '2024-02-15', end: '2024-03-15', amount: 10000 }]);
  b.invoice(A, 'USD', [{ plan: pro, sub: 'subA', start: '2024-03-15', end: '2024-04-15', amount: 15000 }]);
  b.invoice(A, 'USD', [{ plan: pro, sub: 'subA', start: '2024-04-15', end: '2024-05-15', amount: 15000 }]);
  b.invoice(A, 'USD', [{ plan: pro, sub: 'subA', start: '2024-05-15', end: '2024-06-15', amount: 15000 }]);
  b.cancel('subA', '2024-06-01');
  // B: annual €1,200 from Feb 10 → €100/month → $110/month at 1.10.
  b.invoice(B, 'EUR', [{ plan: annual, sub: 'subB', start: '2024-02-10', end: '2025-02-10', amount: 120000 }]);
  // C: Basic $100 Mar 5 → Apr 5, no renewal (churn at period end), back May 20 at $80 until Jun 20.
  b.invoice(C, 'USD', [{ plan: basic, sub: 'subC', start: '2024-03-05', end: '2024-04-05', amount: 10000 }]);
  b.invoice(C, 'USD', [{ plan: basic, sub: 'subC', start: '2024-05-20', end: '2024-06-20', amount: 8000 }]);
  // D: Pro $150 in April, then $140 incl. $20 tax (net $120) from May 1, renewed Jun 1 → Jul 1.
  b.invoice(D, 'USD', [{ plan: pro, sub: 'subD', start: '2024-04-01', end: '2024-05-01', amount: 15000 }]);
  b.invoice(D, 'USD', [{ plan: pro, sub: 'subD', start: '2024-05-01', end: '2024-06-01', amount: 14000, tax: 2000, quantity: 4 }]);
  b.invoice(D, 'USD', [{ plan: pro, sub: 'subD', start: '2024-06-01', end: '2024-07-01', amount: 14000, tax: 2000, quantity: 4 }]);
  return { b, plans: { basic, pro, annual }, cus: { A, B, C, D, F } };
}
