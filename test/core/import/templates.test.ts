import { RECEIPT_COLUMNS, TAB_NAMES, TEMPLATES, templateHeaders, tabNameOf, findColumn } from '../../../src/core/import/templates';

describe('templates', () => {
  it('lists the tabs in dependency order', () => {
    expect(TAB_NAMES).toEqual(['Customers', 'Plans', 'Invoices', 'Transactions', 'Subscription events', 'Cancellations', 'Attributes']);
  });

  it('marks the required columns of each tab', () => {
    const required = (t: (typeof TAB_NAMES)[number]) => TEMPLATES[t].columns.filter((c) => c.required).map((c) => c.name);
    expect(required('Customers')).toEqual(['external_id', 'name']);
    expect(required('Plans')).toEqual(['external_id', 'name', 'interval_count', 'interval_unit']);
    expect(required('Invoices')).toEqual(['invoice_external_id', 'customer_external_id', 'date', 'currency', 'type', 'amount']);
    expect(required('Transactions')).toEqual(['invoice_external_id', 'type', 'date', 'result']);
    expect(required('Cancellations')).toEqual(['customer_external_id', 'subscription_external_id', 'cancelled_at']);
    expect(required('Subscription events')).toEqual(['customer_external_id', 'subscription_external_id', 'event_type', 'event_date', 'effective_date']);
    expect(required('Attributes')).toEqual([]);
    expect(TEMPLATES.Attributes.oneOf).toEqual([['customer_external_id', 'email']]);
  });

  it('gives every column a note, enums their dropdown values, and ids a plain-text format', () => {
    for (const t of TAB_NAMES) {
      for (const c of TEMPLATES[t].columns) {
        expect(c.note.length).toBeGreaterThan(10);
        if (c.kind === 'enum') expect(c.values && c.values.length).toBeGreaterThan(1);
        if (c.kind === 'id') expect(c.format).toBe('@');
        if (c.kind === 'date') expect(c.format).toBe('yyyy-mm-dd');
        if (c.kind === 'integer') expect(c.format).toBe('0');
      }
    }
    expect(findColumn('Customers', 'zip')!.format).toBe('@');
    expect(findColumn('Plans', 'interval_unit')!.values).toEqual(['day', 'month', 'year']);
  });

  it('accepts <money>_in_cents instead of every money column, without creating it', () => {
    expect(findColumn('Invoices', 'amount_in_cents')).toMatchObject({ kind: 'cents', alternativeTo: 'amount' });
    expect(findColumn('Invoices', 'transaction_fees_in_cents')).toMatchObject({ alternativeTo: 'transaction_fees' });
    expect(templateHeaders('Invoices')).not.toContain('amount_in_cents');
  });

  it('puts the receipt columns at the right of a new tab', () => {
    expect(templateHeaders('Plans')).toEqual(['external_id', 'name', 'interval_count', 'interval_unit', ...RECEIPT_COLUMNS]);
  });

  it('recognises tab names loosely', () => {
    expect(tabNameOf(' subscription_events ')).toBe('Subscription events');
    expect(tabNameOf('customers')).toBe('Customers');
    expect(tabNameOf('Sheet1')).toBeUndefined();
  });
});
