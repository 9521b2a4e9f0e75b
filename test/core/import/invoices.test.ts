import { rowMessage } from '../../../src/core/import/messages';
import { parseTab } from '../../../src/core/import/rows';
import { BERLIN, UTC, sheetDate, table } from './helpers';

const H = [
  'invoice_external_id', 'customer_external_id', 'date', 'currency', 'due_date', 'collection_method', 'type',
  'plan_external_id', 'subscription_external_id', 'service_period_start', 'service_period_end', 'amount', 'quantity',
  'prorated', 'discount_amount', 'tax_amount', 'line_item_external_id', 'description',
];
type Row = (string | number | boolean | Date)[];
const sub = (inv: string, extra: Partial<Record<string, string | number | boolean | Date>> = {}): Row => {
  const base: Record<string, string | number | boolean | Date> = {
    invoice_external_id: inv, customer_external_id: 'C-1', date: '2024-03-01', currency: 'USD', due_date: '', collection_method: '',
    type: 'subscription', plan_external_id: 'pro', subscription_external_id: 'S-1', service_period_start: '2024-03-01',
    service_period_end: '2024-04-01', amount: 49.9, quantity: '', prorated: false, discount_amount: '', tax_amount: '',
    line_item_external_id: '', description: '',
  };
  const v = { ...base, ...extra };
  return H.map((h) => v[h] as string | number | boolean | Date);
};

describe('Invoices', () => {
  it('groups rows sharing invoice_external_id into one invoice with line items (plan_external_id kept on the line)', () => {
    const t = parseTab('Invoices', table(H,
      sub('INV-1', { due_date: '2024-03-15', collection_method: 'Automatic', quantity: 5, tax_amount: '8.30', line_item_external_id: 'L-1' }),
      sub('INV-2', { customer_external_id: 'C-2', subscription_external_id: 'S-2' }),
      sub('INV-1', { type: 'one_time', plan_external_id: '', subscription_external_id: '', service_period_start: '', service_period_end: '', amount: '100', description: 'Setup', due_date: '', collection_method: '' }),
    ), UTC);
    expect(t.rows.every((r) => r.errors.length === 0)).toBe(true);
    expect(t.invoices!.map((i) => [i.externalId, i.customerExternalId, i.rowNumbers])).toEqual([
      ['INV-1', 'C-1', [2, 4]],
      ['INV-2', 'C-2', [3]],
    ]);
    expect(t.invoices![0].payload).toEqual({
      external_id: 'INV-1', date: '2024-03-01T00:00:00.000Z', currency: 'USD', due_date: '2024-03-15T00:00:00.000Z', collection_method: 'automatic',
      line_items: [
        {
          type: 'subscription', amount_in_cents: 4990, plan_external_id: 'pro', subscription_external_id: 'S-1',
          service_period_start: '2024-03-01T00:00:00.000Z', service_period_end: '2024-04-01T00:00:00.000Z',
          quantity: 5, tax_amount_in_cents: 830, external_id: 'L-1',
        },
        { type: 'one_time', amount_in_cents: 10000, description: 'Setup' },
      ],
    });
    expect(t.invoices![0].errors).toEqual([]);
    expect(t.invoices![0].fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(t.rows[0].refs).toEqual({ invoice: 'INV-1', customer: 'C-1', plan: 'pro', subscription: 'S-1' });
  });

  it('later lines with empty customer, date and currency inherit them from the invoice (amounts converted with it)', () => {
    const t = parseTab('Invoices', table(H,
      sub('INV-1', { currency: 'KWD', amount: '1.5' }),
      sub('INV-1', { customer_external_id: '', date: '', currency: '', type: 'one_time', plan_external_id: '', subscription_external_id: '', service_period_start: '', service_period_end: '', amount: '2.125' }),
    ), UTC);
    expect(t.rows.map(rowMessage)).toEqual(['', '']);
    expect(t.invoices![0].payload.line_items.map((l) => l.amount_in_cents)).toEqual([1500, 2125]);
    expect(t.rows[1].refs.customer).toBe('C-1');
  });

  it('converts with the currency of the row: JPY, KWD', () => {
    const t = parseTab('Invoices', table(H,
      sub('INV-1', { currency: 'jpy', amount: 5000 }),
      sub('INV-2', { currency: 'KWD', amount: '12.345' }),
      sub('INV-3', { currency: 'JPY', amount: 5000.5 }),
    ), UTC);
    expect(t.invoices!.map((i) => i.payload.line_items[0].amount_in_cents)).toEqual([5000, 12345, 0]);
    expect(rowMessage(t.rows[2])).toBe('amount: 5000.5 has more decimals than JPY allows (0); round it in the sheet');
  });

  it('accepts amount_in_cents instead of amount', () => {
    const headers = H.map((h) => (h === 'amount' ? 'amount_in_cents' : h));
    const t = parseTab('Invoices', table(headers, sub('INV-1', { amount: 4990 })), UTC);
    expect(t.rows[0].errors).toEqual([]);
    expect(t.invoices![0].payload.line_items[0].amount_in_cents).toBe(4990);
    const bad = parseTab('Invoices', table(headers, sub('INV-1', { amount: 49.9 })), UTC);
    expect(rowMessage(bad.rows[0])).toBe('amount_in_cents: 49.9 is not a whole number of cents');
  });

  it('flags every row of an invoice whose lines disagree on customer, date or currency', () => {
    const t = parseTab('Invoices', table(H,
      sub('INV-1'),
      sub('INV-1', { currency: 'EUR', subscription_external_id: 'S-2' }),
      sub('INV-1', { currency: 'EUR', date: '2024-03-02', subscription_external_id: 'S-3' }),
    ), UTC);
    const msg = 'currency: the rows of invoice "INV-1" disagree: "USD" (row 2), "EUR" (rows 3 and 4)';
    const dateMsg = 'date: the rows of invoice "INV-1" disagree: "2024-03-01" (rows 2 and 3), "2024-03-02" (row 4)';
    for (const row of t.rows) expect(rowMessage(row)).toBe(`${dateMsg}; ${msg}`);
    expect(t.invoices![0].errors).toHaveLength(6);
  });

  it('does not send an invoice with one bad line: the good lines point at the bad row', () => {
    const t = parseTab('Invoices', table(H,
      sub('INV-1', { line_item_external_id: 'L-1' }),
      sub('INV-1', { subscription_external_id: 'S-2', currency: 'USD', amount: 'abc' }),
      sub('INV-1', { subscription_external_id: 'S-3' }),
      sub('INV-2'),
    ), UTC);
    expect(rowMessage(t.rows[0])).toBe('invoice_external_id: invoice has errors on row 3');
    expect(rowMessage(t.rows[1])).toBe('amount: "abc" is not an amount (e.g. 49.90)');
    expect(rowMessage(t.rows[2])).toBe('invoice_external_id: invoice has errors on row 3');
    expect(t.invoices![0].errors).toEqual([{ rowNumber: 3, column: 'amount', message: '"abc" is not an amount (e.g. 49.90)' }]);
    expect(t.invoices![1].errors).toEqual([]);
  });

  it('requires plan, subscription and service period on subscription and trial lines', () => {
    const t = parseTab('Invoices', table(H,
      sub('INV-1', { type: 'trial', plan_external_id: '', subscription_external_id: '', service_period_start: '', service_period_end: '', amount: 0 }),
    ), UTC);
    expect(rowMessage(t.rows[0])).toBe(
      'plan_external_id: is required for trial lines; subscription_external_id: is required for trial lines; ' +
      'service_period_start: is required for trial lines; service_period_end: is required for trial lines',
    );
  });

  it('refuses subscription-only columns on one_time lines', () => {
    const t = parseTab('Invoices', table(H, sub('INV-1', { type: 'One-time', plan_external_id: '', prorated: true })), UTC);
    expect(rowMessage(t.rows[0])).toBe(
      'subscription_external_id: only used on subscription and trial lines; leave it empty on one_time lines; ' +
      'service_period_start: only used on subscription and trial lines; leave it empty on one_time lines; ' +
      'service_period_end: only used on subscription and trial lines; leave it empty on one_time lines; ' +
      'prorated: only used on subscription and trial lines; leave it empty on one_time lines',
    );
  });

  it('checks the service period order, with Date cells from a Berlin sheet', () => {
    const t = parseTab('Invoices', table(H,
      sub('INV-1', { service_period_start: sheetDate(BERLIN, 2024, 4, 1), service_period_end: sheetDate(BERLIN, 2024, 3, 1) }),
      sub('INV-2', { service_period_start: '2024-03-01', service_period_end: '2024-03-01' }),
    ), BERLIN);
    expect(rowMessage(t.rows[0])).toBe('service_period_end: 2024-03-01 must be after service_period_start (2024-04-01)');
    expect(rowMessage(t.rows[1])).toBe('service_period_end: "2024-03-01" must be after service_period_start ("2024-03-01")');
  });

  it('flags duplicate line_item_external_id across the tab', () => {
    const t = parseTab('Invoices', table(H,
      sub('INV-1', { line_item_external_id: 'L-1' }),
      sub('INV-2', { line_item_external_id: 'L-1' }),
    ), UTC);
    expect(rowMessage(t.rows[0])).toBe('line_item_external_id: "L-1" is also on row 3');
    expect(rowMessage(t.rows[1])).toBe('line_item_external_id: "L-1" is also on row 2');
  });

  it('refuses negative discounts and non-zero quantity rules; sends prorated only when ticked', () => {
    const t = parseTab('Invoices', table(H,
      sub('INV-1', { discount_amount: -5, quantity: 0 }),
      sub('INV-2', { prorated: 'yes', quantity: -1 }),
    ), UTC);
    expect(rowMessage(t.rows[0])).toBe('quantity: must not be 0; discount_amount: -5 must not be negative');
    expect(t.rows[1].payload).toMatchObject({ prorated: true, quantity: -1 });
  });
});
