import { rowMessage } from '../../../src/core/import/messages';
import { parseTab } from '../../../src/core/import/rows';
import { BERLIN, NOW, UTC, sheetDate, table } from './helpers';

const CUSTOMER_HEADERS = ['external_id', 'name', 'email', 'country', 'state', 'lead_created_at', 'free_trial_started_at', 'tags'];

describe('Customers', () => {
  it('maps a row to the POST /v1/customers body (snake_case, empty cells left out, dates as UTC ISO)', () => {
    const t = parseTab('Customers', table(
      ['External ID', 'Name', 'Email', 'Company', 'Country', 'State', 'City', 'Zip', 'website_url', 'owner', 'lead_created_at', 'tags'],
      ['C-1', ' Acme ', 'billing@acme.com', '', 'us', 'ny', 'New York', '02110', 'https://acme.com', 'sam@us.com', sheetDate(BERLIN, 2024, 1, 15), 'vip, eu'],
    ), BERLIN);
    const row = t.rows[0];
    expect(row.errors).toEqual([]);
    expect(row.rowNumber).toBe(2);
    expect(row.key).toBe('C-1');
    expect(row.payload).toEqual({
      external_id: 'C-1', name: 'Acme', email: 'billing@acme.com', country: 'US', state: 'US-NY', city: 'New York',
      zip: '02110', website_url: 'https://acme.com', owner: 'sam@us.com', lead_created_at: '2024-01-14T23:00:00.000Z',
      attributes: { tags: ['vip', 'eu'] },
    });
    expect(row.stage).toBe('lead');
  });

  it('names the column in every message', () => {
    const t = parseTab('Customers', table(CUSTOMER_HEADERS,
      ['', 'Acme', 'nope', 'Germany', '', '2030-01-01', '', ''],
    ), UTC);
    expect(rowMessage(t.rows[0])).toBe(
      'external_id: is required; email: "nope" is not a valid email address; ' +
      'country: "Germany" is not an ISO 3166-1 alpha-2 country code (did you mean DE?); ' +
      'lead_created_at: "2030-01-01" is in the future; ChartMogul only accepts past dates here',
    );
  });

  it('rejects future lead and trial dates against the injected now, and a trial before the lead', () => {
    const t = parseTab('Customers', table(CUSTOMER_HEADERS,
      ['C-1', 'A', '', '', '', '', new Date(NOW + 60000), ''],
      ['C-2', 'B', '', '', '', '2024-05-01', '2024-04-01', ''],
      ['C-3', 'C', '', '', '', '2024-04-01', new Date(NOW - 60000), ''],
    ), UTC);
    expect(rowMessage(t.rows[0])).toBe('free_trial_started_at: 2025-06-15 12:01 is in the future; ChartMogul only accepts past dates here');
    expect(rowMessage(t.rows[1])).toBe('free_trial_started_at: 2024-04-01 is before lead_created_at (2024-05-01); a trial cannot start before the lead exists');
    expect(t.rows[2].errors).toEqual([]);
    expect(t.rows[2].stage).toBe('trial');
  });

  it('validates US states (NY → US-NY) and leaves other countries\' regions as text', () => {
    const t = parseTab('Customers', table(['external_id', 'name', 'country', 'state'],
      ['C-1', 'A', 'US', 'California'],
      ['C-2', 'B', 'US', 'Bavaria'],
      ['C-3', 'C', 'DE', 'Bavaria'],
      ['C-4', 'D', '', 'US-TX'],
      ['C-5', 'E', '', 'US-ZZ'],
    ), UTC);
    expect(t.rows.map((r) => (r.payload as { state?: string }).state)).toEqual(['US-CA', undefined, 'Bavaria', 'US-TX', undefined]);
    expect(rowMessage(t.rows[1])).toBe('state: "Bavaria" is not a US state code (e.g. NY or US-NY)');
    expect(rowMessage(t.rows[4])).toBe('state: "US-ZZ" is not a US state code (e.g. NY or US-NY)');
  });

  it('sends custom.<Key> columns as custom attributes with a type inferred per column', () => {
    const t = parseTab('Customers', table(['external_id', 'name', 'custom.Seats', 'custom.Mrr', 'custom.Vip', 'custom.Since', 'custom.Zip', 'custom.Channel:String'],
      ['C-1', 'A', 5, 10, true, sheetDate(BERLIN, 2024, 3, 1), '00123', 42],
      ['C-2', 'B', 7, 10.5, false, '2024-03-02', 'N/A', 'web'],
      ['C-3', 'C', '', '', '', '', '', ''],
    ), BERLIN);
    expect(t.customTypes).toEqual({ Seats: 'Integer', Mrr: 'Decimal', Vip: 'Boolean', Since: 'Timestamp', Zip: 'String', Channel: 'String' });
    expect((t.rows[0].payload as { attributes?: unknown }).attributes).toEqual({
      custom: [
        { type: 'Integer', key: 'Seats', value: 5 },
        { type: 'Decimal', key: 'Mrr', value: 10 },
        { type: 'Boolean', key: 'Vip', value: true },
        { type: 'Timestamp', key: 'Since', value: '2024-02-29T23:00:00.000Z' },
        { type: 'String', key: 'Zip', value: '00123' },
        { type: 'String', key: 'Channel', value: '42' },
      ],
    });
    expect((t.rows[2].payload as { attributes?: unknown }).attributes).toBeUndefined();
  });

  it('reports a value that does not fit a forced custom type under custom.<Key>', () => {
    const t = parseTab('Customers', table(['external_id', 'name', 'custom.Seats:Integer'], ['C-1', 'A', 'many']), UTC);
    expect(rowMessage(t.rows[0])).toBe('custom.Seats: "many" is not a whole number');
  });

  it('skips entirely blank rows (receipt, unknown columns and unticked checkboxes do not count)', () => {
    const t = parseTab('Customers', table(['external_id', 'name', 'custom.Vip', 'notes', 'chartmogul_status'],
      ['C-1', 'A', true, '', 'imported'],
      ['', '  ', false, 'call back', 'error'],
      ['C-2', 'B', false, '', ''],
    ), UTC);
    expect(t.rows.map((r) => r.blank)).toEqual([false, true, false]);
    expect(t.rows[1].errors).toEqual([]);
    expect(t.rows[2].rowNumber).toBe(4);
    expect(t.rows[0].receipt).toEqual({ chartmogul_status: 'imported' });
  });

  it('flags duplicate external ids on both rows, naming the other row', () => {
    const t = parseTab('Customers', table(['external_id', 'name'], ['C-1', 'A'], ['C-2', 'B'], ['C-1', 'C']), UTC);
    expect(rowMessage(t.rows[0])).toBe('external_id: "C-1" is also on row 4');
    expect(rowMessage(t.rows[2])).toBe('external_id: "C-1" is also on row 2');
    expect(t.rows[1].errors).toEqual([]);
  });

  it('says when a required column is missing from the header row', () => {
    const t = parseTab('Customers', table(['external_id'], ['C-1']), UTC);
    expect(t.headers.missing).toEqual(['name']);
    expect(rowMessage(t.rows[0])).toBe('name: column is missing; add a "name" column to the header row');
  });
});

describe('Plans', () => {
  it('maps interval fields and checks them', () => {
    const t = parseTab('Plans', table(['external_id', 'name', 'interval_count', 'interval_unit'],
      ['pro-m', 'Pro', 1, 'Month'],
      ['pro-q', 'Pro Q', '3', 'months'],
      ['bad', 'Bad', 0, 'weekly'],
      [123, 'Numeric id', 1.5, 'year'],
    ), UTC);
    expect(t.rows[0].payload).toEqual({ external_id: 'pro-m', name: 'Pro', interval_count: 1, interval_unit: 'month' });
    expect(t.rows[1].payload).toEqual({ external_id: 'pro-q', name: 'Pro Q', interval_count: 3, interval_unit: 'month' });
    expect(rowMessage(t.rows[2])).toBe('interval_count: must be 1 or more, not 0; interval_unit: "weekly" is not one of day, month, year');
    expect(rowMessage(t.rows[3])).toBe('interval_count: 1.5 is not a whole number');
    expect(t.rows[3].key).toBe('123');
  });
});

describe('Transactions', () => {
  it('maps payments and keeps a currency-unit amount pending until the invoice currency is known', () => {
    const t = parseTab('Transactions', table(['invoice_external_id', 'type', 'date', 'result', 'external_id', 'amount'],
      ['INV-1', 'Payment', '2024-03-02', 'successful', 'TX-1', ''],
      ['INV-1', 'refund', '2024-03-05', 'success', 'TX-2', '20.00'],
      ['INV-1', 'chargeback', '2024-03-05', 'ok', '', '-1'],
    ), UTC);
    expect(t.rows[0].payload).toEqual({ type: 'payment', date: '2024-03-02T00:00:00.000Z', result: 'successful', external_id: 'TX-1' });
    expect(t.rows[0].refs).toEqual({ invoice: 'INV-1' });
    expect(t.rows[1].pendingAmount).toEqual({ kind: 'text', text: '20.00', negative: false, int: '20', frac: '00' });
    expect(rowMessage(t.rows[2])).toBe(
      'type: "chargeback" is not one of payment, refund; result: "ok" is not one of successful, failed; amount: "-1" must not be negative',
    );
  });

  it('takes amount_in_cents directly', () => {
    const t = parseTab('Transactions', table(['invoice_external_id', 'type', 'date', 'result', 'amount_in_cents'],
      ['INV-1', 'payment', '2024-03-02', 'successful', 2000]), UTC);
    expect(t.rows[0].payload).toMatchObject({ amount_in_cents: 2000 });
  });
});

describe('Subscription events', () => {
  const H = ['customer_external_id', 'subscription_external_id', 'event_type', 'event_date', 'effective_date', 'plan_external_id', 'currency', 'amount', 'quantity', 'external_id'];

  it('maps to the subscription_event object', () => {
    const t = parseTab('Subscription events', table(H,
      ['C-1', 'S-1', 'subscription_start', '2024-03-01', '2024-03-01', 'pro', 'jpy', 1200, 3, 'EV-1'],
    ), UTC);
    expect(t.rows[0].errors).toEqual([]);
    expect(t.rows[0].payload).toEqual({
      customer_external_id: 'C-1', subscription_external_id: 'S-1', event_type: 'subscription_start',
      event_date: '2024-03-01T00:00:00.000Z', effective_date: '2024-03-01T00:00:00.000Z',
      plan_external_id: 'pro', currency: 'JPY', amount_in_cents: 1200, quantity: 3, external_id: 'EV-1',
    });
  });

  it('requires plan, currency and amount on start and update events only', () => {
    const t = parseTab('Subscription events', table(H,
      ['C-1', 'S-1', 'subscription_updated', '2024-03-01', '2024-03-01', '', '', '', '', ''],
      ['C-1', 'S-1', 'subscription_cancelled', '2024-04-01', '2024-04-01', '', '', '', '', ''],
      ['C-1', 'S-1', 'subscription_paused', '2024-04-01', '2024-04-01', '', '', '', 0, ''],
    ), UTC);
    expect(rowMessage(t.rows[0])).toBe(
      'plan_external_id: is required for subscription_updated events; currency: is required for subscription_updated events; amount: is required for subscription_updated events',
    );
    expect(t.rows[1].errors).toEqual([]);
    expect(rowMessage(t.rows[2])).toMatch(/^event_type: "subscription_paused" is not one of subscription_start, .*; quantity: must not be 0$/);
  });
});

describe('Cancellations', () => {
  it('maps to the cancel body and refuses future dates', () => {
    const t = parseTab('Cancellations', table(['customer_external_id', 'subscription_external_id', 'cancelled_at'],
      ['C-1', 'S-1', '2024-06-30'],
      ['C-1', 'S-2', '2099-01-01'],
      ['C-1', 'S-1', '2024-06-30'],
    ), UTC);
    expect(t.rows[0].payload).toEqual({ cancelled_at: '2024-06-30T00:00:00.000Z' });
    expect(t.rows[0].refs).toEqual({ customer: 'C-1', subscription: 'S-1' });
    expect(rowMessage(t.rows[1])).toBe('cancelled_at: "2099-01-01" is in the future; ChartMogul only accepts past dates here');
    expect(rowMessage(t.rows[2])).toBe('subscription_external_id: the same cancellation is also on row 2');
  });
});

describe('Attributes', () => {
  it('finds the customer by external id or email and sends tags + custom attributes', () => {
    const t = parseTab('Attributes', table(['customer_external_id', 'email', 'tags', 'custom.Channel'],
      ['C-1', '', 'vip', 'web'],
      ['', 'ann@acme.com', '', 'ads'],
      ['', '', 'vip', ''],
      ['C-2', '', '', ''],
      ['C-1', '', 'eu', ''],
    ), UTC);
    expect(t.rows[0].payload).toEqual({ attributes: { tags: ['vip'], custom: [{ type: 'String', key: 'Channel', value: 'web' }] } });
    expect(t.rows[1].refs).toEqual({ email: 'ann@acme.com' });
    expect(rowMessage(t.rows[2])).toBe('customer_external_id: fill customer_external_id or email to say which customer to update');
    expect(rowMessage(t.rows[3])).toBe('nothing to update; fill tags or a custom.<Key> column');
    expect(rowMessage(t.rows[4])).toBe('customer_external_id: "C-1" is also on row 2');
  });
});
