import { parseWorkbook } from '../../../src/core/import';
import { rowMessage } from '../../../src/core/import/messages';
import { Known, ParsedTab, TabName } from '../../../src/core/import/types';
import { emptyKnown } from '../../../src/core/import/validate';
import { UTC, table } from './helpers';

const INV_H = ['invoice_external_id', 'customer_external_id', 'date', 'currency', 'type', 'plan_external_id', 'subscription_external_id', 'service_period_start', 'service_period_end', 'amount'];
const line = (inv: string, customer: string, plan: string, subscription: string, amount: number | string = 100, currency = 'USD') =>
  [inv, customer, '2024-03-01', currency, 'subscription', plan, subscription, '2024-03-01', '2024-04-01', amount];

const customers = (...ids: string[]) => table(['external_id', 'name'], ...ids.map((id) => [id, 'Name ' + id]));
const plans = (...ids: string[]) => table(['external_id', 'name', 'interval_count', 'interval_unit'], ...ids.map((id) => [id, id, 1, 'month']));
const msgs = (t: ParsedTab | undefined) => t!.rows.map(rowMessage);

function known(k: Partial<Known>): Known {
  return { ...emptyKnown(), ...k };
}

describe('references across tabs', () => {
  it("resolves an invoice's customer and plan against the other tabs", () => {
    const p = parseWorkbook({
      Customers: customers('C-1'),
      Plans: plans('pro'),
      Invoices: table(INV_H, line('INV-1', 'C-1', 'pro', 'S-1'), line('INV-2', 'C-9', 'gold', 'S-2')),
    }, UTC);
    expect(msgs(p.Invoices)).toEqual([
      '',
      'customer_external_id: no customer "C-9" in the Customers tab or in ChartMogul; plan_external_id: no plan "gold" in the Plans tab or in ChartMogul',
    ]);
    expect(p.Invoices!.invoices![1].errors).toHaveLength(2);
  });

  it('resolves them against what already exists in ChartMogul (Known)', () => {
    const p = parseWorkbook({ Invoices: table(INV_H, line('INV-1', 'C-1', 'pro', 'S-1')) }, UTC, known({ customers: new Set(['C-1']), plans: new Set(['pro']) }));
    expect(msgs(p.Invoices)).toEqual(['']);
  });

  it('blocks an invoice whose customer row has errors, and all lines of that invoice', () => {
    const p = parseWorkbook({
      Customers: table(['external_id', 'name', 'email'], ['C-1', 'A', 'not-an-email']),
      Plans: plans('pro'),
      Invoices: table(INV_H, line('INV-1', 'C-2', 'pro', 'S-1'), line('INV-1', 'C-2', 'pro', 'S-2'), line('INV-2', 'C-1', 'pro', 'S-3')),
    }, UTC, known({ customers: new Set(['C-2']) }));
    expect(msgs(p.Invoices)).toEqual(['', '', 'customer_external_id: customer "C-1" has errors on the Customers tab (row 2)']);
  });

  it('tells the good lines of an invoice about a bad reference on another line', () => {
    const p = parseWorkbook({
      Customers: customers('C-1'),
      Plans: plans('pro'),
      Invoices: table(INV_H, line('INV-1', 'C-1', 'pro', 'S-1'), line('INV-1', 'C-1', 'gold', 'S-2')),
    }, UTC);
    expect(msgs(p.Invoices)).toEqual([
      'invoice_external_id: invoice has errors on row 3',
      'plan_external_id: no plan "gold" in the Plans tab or in ChartMogul',
    ]);
  });

  it('flags a subscription id used for two customers', () => {
    const p = parseWorkbook({
      Customers: customers('C-1', 'C-2'),
      Plans: plans('pro'),
      Invoices: table(INV_H, line('INV-1', 'C-1', 'pro', 'S-1'), line('INV-2', 'C-2', 'pro', 'S-1')),
    }, UTC);
    expect(msgs(p.Invoices)).toEqual(['', 'subscription_external_id: subscription "S-1" belongs to customer "C-1" on row 2']);
  });
});

describe('Transactions', () => {
  const TX_H = ['invoice_external_id', 'type', 'date', 'result', 'external_id', 'amount'];

  it("resolves the invoice and converts amount with the invoice's currency", () => {
    const p = parseWorkbook({
      Customers: customers('C-1'),
      Plans: plans('pro'),
      Invoices: table(INV_H, line('INV-1', 'C-1', 'pro', 'S-1', 5000, 'JPY'), line('INV-2', 'C-1', 'pro', 'S-2', '49.90')),
      Transactions: table(TX_H,
        ['INV-1', 'payment', '2024-03-02', 'successful', 'TX-1', 2000],
        ['INV-2', 'payment', '2024-03-02', 'successful', 'TX-2', '20.5'],
        ['INV-3', 'payment', '2024-03-02', 'successful', 'TX-3', ''],
        ['INV-OLD', 'refund', '2024-03-02', 'successful', 'TX-4', '1.5'],
        ['INV-GONE', 'refund', '2024-03-02', 'successful', 'TX-5', '1.5'],
      ),
    }, UTC, known({ invoices: new Set(['INV-OLD', 'INV-GONE']), invoiceCurrencies: new Map([['INV-OLD', 'KWD']]) }));
    expect(p.Transactions!.rows.map((r) => r.payload)).toEqual([
      { type: 'payment', date: '2024-03-02T00:00:00.000Z', result: 'successful', external_id: 'TX-1', amount_in_cents: 2000 },
      { type: 'payment', date: '2024-03-02T00:00:00.000Z', result: 'successful', external_id: 'TX-2', amount_in_cents: 2050 },
      { type: 'payment', date: '2024-03-02T00:00:00.000Z', result: 'successful', external_id: 'TX-3' },
      { type: 'refund', date: '2024-03-02T00:00:00.000Z', result: 'successful', external_id: 'TX-4', amount_in_cents: 1500 },
      { type: 'refund', date: '2024-03-02T00:00:00.000Z', result: 'successful', external_id: 'TX-5' },
    ]);
    expect(msgs(p.Transactions)).toEqual([
      '',
      '',
      'invoice_external_id: no invoice "INV-3" in the Invoices tab or in ChartMogul',
      '',
      'amount: the currency of invoice "INV-GONE" is unknown, so the amount cannot be converted; use an amount_in_cents column instead',
    ]);
  });

  it('refuses a payment of an invoice that will not be sent, and partial payments above the total', () => {
    const p = parseWorkbook({
      Customers: customers('C-1'),
      Plans: plans('pro'),
      Invoices: table(INV_H, line('INV-1', 'C-1', 'pro', 'S-1', 'oops'), line('INV-2', 'C-1', 'pro', 'S-2', 100)),
      Transactions: table(TX_H,
        ['INV-1', 'payment', '2024-03-02', 'successful', 'TX-1', ''],
        ['INV-2', 'payment', '2024-03-02', 'successful', 'TX-2', 60],
        ['INV-2', 'payment', '2024-03-03', 'successful', 'TX-3', 50],
        ['INV-2', 'payment', '2024-03-03', 'failed', 'TX-4', 500],
      ),
    }, UTC);
    expect(msgs(p.Transactions)).toEqual([
      'invoice_external_id: invoice "INV-1" has errors on the Invoices tab (row 2)',
      'amount: successful payments of invoice "INV-2" add up to 110.00 USD, more than its total 100.00 USD',
      'amount: successful payments of invoice "INV-2" add up to 110.00 USD, more than its total 100.00 USD',
      '',
    ]);
  });

  it('refreshes the fingerprint once the amount is converted', () => {
    const tables = {
      Customers: customers('C-1'), Plans: plans('pro'),
      Invoices: table(INV_H, line('INV-1', 'C-1', 'pro', 'S-1', 100)),
      Transactions: table(TX_H, ['INV-1', 'payment', '2024-03-02', 'successful', 'TX-1', 20]),
    };
    const a = parseWorkbook(tables, UTC);
    const b = parseWorkbook({ ...tables, Transactions: table(TX_H, ['INV-1', 'payment', '2024-03-02', 'successful', 'TX-1', 30]) }, UTC);
    expect(a.Transactions!.rows[0].fingerprint).not.toBe(b.Transactions!.rows[0].fingerprint);
  });
});

describe('Cancellations', () => {
  const C_H = ['customer_external_id', 'subscription_external_id', 'cancelled_at'];

  it('resolves the subscription against invoice lines, subscription events and Known', () => {
    const p = parseWorkbook({
      Customers: customers('C-1', 'C-2'),
      Plans: plans('pro'),
      Invoices: table(INV_H, line('INV-1', 'C-1', 'pro', 'S-1')),
      'Subscription events': table(
        ['customer_external_id', 'subscription_external_id', 'event_type', 'event_date', 'effective_date', 'plan_external_id', 'currency', 'amount'],
        ['C-2', 'S-EV', 'subscription_start', '2024-01-01', '2024-01-01', 'pro', 'EUR', 10],
      ),
      Cancellations: table(C_H,
        ['C-1', 'S-1', '2024-06-30'],
        ['C-2', 'S-EV', '2024-06-30'],
        ['C-1', 'S-OLD', '2024-06-30'],
        ['C-1', 'S-9', '2024-06-30'],
        ['C-2', 'S-1', '2024-07-01'],
      ),
    }, UTC, known({ subscriptions: new Set(['S-OLD']) }));
    expect(msgs(p.Cancellations)).toEqual([
      '',
      '',
      '',
      'subscription_external_id: no subscription "S-9" in the Invoices or Subscription events tab or in ChartMogul',
      'subscription_external_id: subscription "S-1" belongs to customer "C-1" on the Invoices tab (row 2)',
    ]);
  });
});

describe('Subscription events and Attributes', () => {
  it("checks the event's customer and plan, and the Attributes customer", () => {
    const p = parseWorkbook({
      Customers: customers('C-1'),
      'Subscription events': table(
        ['customer_external_id', 'subscription_external_id', 'event_type', 'event_date', 'effective_date', 'plan_external_id', 'currency', 'amount'],
        ['C-1', 'S-1', 'subscription_start', '2024-01-01', '2024-01-01', 'pro', 'EUR', 10],
        ['C-7', 'S-2', 'subscription_cancelled', '2024-01-01', '2024-01-01', '', '', ''],
      ),
      Attributes: table(['customer_external_id', 'email', 'tags'], ['C-1', '', 'vip'], ['C-8', '', 'vip'], ['', 'x@y.com', 'vip']),
    }, UTC, known({ plans: new Set(['pro']) }));
    expect(msgs(p['Subscription events'])).toEqual(['', 'customer_external_id: no customer "C-7" in the Customers tab or in ChartMogul']);
    expect(msgs(p.Attributes)).toEqual(['', 'customer_external_id: no customer "C-8" in the Customers tab or in ChartMogul', '']);
  });
});

describe('lead and trial rows', () => {
  it('keeps CRM-only customers as leads / trials and marks billed ones as customers', () => {
    const p = parseWorkbook({
      Customers: table(['external_id', 'name', 'lead_created_at', 'free_trial_started_at'],
        ['C-LEAD', 'Lead Co', '2024-01-01', ''],
        ['C-TRIAL', 'Trial Co', '2024-01-01', '2024-01-10'],
        ['C-PAID', 'Paid Co', '2024-01-01', '2024-01-10'],
        ['C-PLAIN', 'Plain Co', '', ''],
      ),
      Plans: plans('pro'),
      Invoices: table(INV_H, line('INV-1', 'C-PAID', 'pro', 'S-1')),
    }, UTC);
    expect(p.Customers!.rows.map((r) => r.stage)).toEqual(['lead', 'trial', 'customer', undefined]);
    expect(p.Customers!.rows.every((r) => r.errors.length === 0)).toBe(true);
  });
});

describe('validation is repeatable', () => {
  it('does not duplicate messages when run twice', async () => {
    const { validateWorkbook } = await import('../../../src/core/import/validate');
    const p = parseWorkbook({ Invoices: table(INV_H, line('INV-1', 'C-1', 'pro', 'S-1'), line('INV-1', 'C-1', 'pro', 'S-2', 'x')) }, UTC);
    validateWorkbook(p as Partial<Record<TabName, ParsedTab>>, emptyKnown());
    expect(msgs(p.Invoices)).toEqual([
      'customer_external_id: no customer "C-1" in the Customers tab or in ChartMogul; plan_external_id: no plan "pro" in the Plans tab or in ChartMogul',
      'customer_external_id: no customer "C-1" in the Customers tab or in ChartMogul; plan_external_id: no plan "pro" in the Plans tab or in ChartMogul; amount: "x" is not an amount (e.g. 49.90)',
    ]);
  });
});
