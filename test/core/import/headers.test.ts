import { matchHeaders, missingReceiptColumns, normalizeHeader } from '../../../src/core/import/headers';
import { headerMessages } from '../../../src/core/import/messages';

describe('matchHeaders', () => {
  it('matches case-insensitively, trimmed, with spaces for underscores, in any order', () => {
    const m = matchHeaders('Customers', ['  NAME ', 'External ID', 'lead created at', 'Email']);
    expect(m.columns).toEqual({ name: 0, external_id: 1, lead_created_at: 2, email: 3 });
    expect(m.missing).toEqual([]);
    expect(m.unknown).toEqual([]);
  });

  it('ignores a trailing * (required marker) and empty header cells', () => {
    const m = matchHeaders('Plans', ['external_id*', '', 'name *', 'interval_count', 'interval_unit']);
    expect(m.columns).toEqual({ external_id: 0, name: 2, interval_count: 3, interval_unit: 4 });
  });

  it('reports unknown columns without failing, and missing required ones', () => {
    const m = matchHeaders('Customers', ['external_id', 'Phone', 'notes']);
    expect(m.unknown).toEqual(['Phone', 'notes']);
    expect(m.missing).toEqual(['name']);
    expect(headerMessages(m)).toEqual(['missing required column name', 'unknown columns ignored: Phone, notes']);
  });

  it('recognises receipt columns and keeps them out of unknown', () => {
    const m = matchHeaders('Plans', ['external_id', 'name', 'interval_count', 'interval_unit', 'chartmogul_status', 'ChartMogul UUID']);
    expect(m.receipt).toEqual({ chartmogul_status: 4, chartmogul_uuid: 5, chartmogul_message: undefined, chartmogul_synced_at: undefined });
    expect(m.unknown).toEqual([]);
    expect(missingReceiptColumns(m)).toEqual(['chartmogul_message', 'chartmogul_synced_at']);
  });

  it('finds custom.<Key> columns, keeping the key case and turning spaces into underscores', () => {
    const m = matchHeaders('Customers', ['external_id', 'name', 'custom.Channel', 'Custom. plan tier', 'custom.Seats:Integer']);
    expect(m.custom).toEqual([
      { key: 'Channel', index: 2, header: 'custom.Channel' },
      { key: 'plan_tier', index: 3, header: 'Custom. plan tier' },
      { key: 'Seats', index: 4, header: 'custom.Seats:Integer', type: 'Integer' },
    ]);
  });

  it('reports unusable custom headers and custom columns on tabs without custom attributes', () => {
    const m = matchHeaders('Customers', ['external_id', 'name', 'custom.', 'custom.a/b', 'custom.x:Money']);
    expect(m.custom).toEqual([]);
    expect(m.problems).toEqual([
      'column "custom.": custom attribute key is missing (e.g. custom.Channel)',
      'column "custom.a/b": custom attribute keys may only contain letters, digits and underscores',
      'column "custom.x:Money": unknown custom attribute type "Money" (use String, Integer, Decimal, Timestamp, Boolean)',
    ]);
    expect(matchHeaders('Plans', ['custom.Channel']).unknown).toEqual(['custom.Channel']);
  });

  it('reports duplicate columns and uses the first', () => {
    const m = matchHeaders('Plans', ['name', 'external_id', 'Name', 'interval_count', 'interval_unit']);
    expect(m.columns.name).toBe(0);
    expect(m.problems).toEqual(['column name appears twice (columns A and C); column A is used']);
  });

  it('accepts amount_in_cents instead of amount', () => {
    const base = ['invoice_external_id', 'customer_external_id', 'date', 'currency', 'type'];
    expect(matchHeaders('Invoices', [...base, 'amount_in_cents']).missing).toEqual([]);
    expect(matchHeaders('Invoices', base).missing).toEqual(['amount']);
  });

  it('reports the Attributes one-of rule as one missing item', () => {
    expect(matchHeaders('Attributes', ['tags']).missing).toEqual(['customer_external_id or email']);
    expect(matchHeaders('Attributes', ['Email', 'tags']).missing).toEqual([]);
  });

  it('normalises header text', () => {
    expect(normalizeHeader(' Service-Period  Start * ')).toBe('service_period_start');
  });
});
