// Tests for the status → kind table, ChartMogulError and the parsing of every error body shape (reference §4),
// including "already exists" detection and per-object `errors` inside 2xx bodies.

import { ChartMogulError, errorFromResponse, isRetryableStatus, kindForStatus, redact } from '../../../src/core/chartmogul/errors';
import { embeddedFieldErrors, fieldsFromErrorMap, parseErrorBody } from '../../../src/core/chartmogul/errorBody';

const err = (status: number, body: unknown) => errorFromResponse(status, typeof body === 'string' ? body : JSON.stringify(body));

describe('status table', () => {
  it.each([
    [0, 'network', true], [400, 'invalid_request', false], [401, 'unauthorized', false], [402, 'request_failed', false],
    [403, 'forbidden', false], [404, 'not_found', false], [422, 'validation', false], [429, 'rate_limited', true],
    [500, 'server', true], [502, 'server', true], [503, 'server', true], [504, 'server', true], [520, 'server', true],
    [405, 'unexpected_status', false], [409, 'unexpected_status', false],
  ])('%i → %s (retryable %s)', (status, kind, retryable) => {
    expect(kindForStatus(status)).toBe(kind);
    expect(isRetryableStatus(status)).toBe(retryable);
    expect(err(status, '').retryable).toBe(retryable);
  });
});

describe('error body shapes', () => {
  it('{code,message,param} names the param', () => {
    const e = err(400, { code: 400, message: 'Parameter "name" is missing', param: 'name' });
    expect(e.kind).toBe('invalid_request');
    expect(e.fields).toEqual([{ field: 'name', message: 'Parameter "name" is missing' }]);
    expect(e.message).toBe('name: Parameter "name" is missing');
  });
  it('{code,message,param:null} uses the message', () => {
    const e = err(401, { code: 401, message: 'No valid API key provided', param: null });
    expect(e.kind).toBe('unauthorized');
    expect(e.fields).toEqual([]);
    expect(e.message).toBe('No valid API key provided');
  });
  it('{error}', () => {
    const e = err(404, { error: 'Data source not found' });
    expect([e.kind, e.message, e.fields.length]).toEqual(['not_found', 'Data source not found', 0]);
  });
  it('{error, error_details[]} names the detail param once', () => {
    const e = err(404, { error: 'Invoice not found', error_details: [{ param: 'invoice', code: 'invalid', message: 'Invoice not found' }] });
    expect(e.fields).toEqual([{ field: 'invoice', message: 'Invoice not found' }]);
    expect(e.message).toBe('invoice: Invoice not found');
  });
  it('{errors:{field: msg}}', () => {
    const e = err(422, { errors: { name: 'A name is required for each data source.' } });
    expect(e.kind).toBe('validation');
    expect(e.message).toBe('name: A name is required for each data source.');
    expect(e.alreadyExists).toBe(false);
  });
  it('{errors:{field: [msgs]}} keeps every message', () => {
    const e = err(422, { errors: { currency: ['Currency is invalid'], date: ['Date is in the future', 'Date is required'] } });
    expect(e.fields).toEqual([
      { field: 'currency', message: 'Currency is invalid' },
      { field: 'date', message: 'Date is in the future' },
      { field: 'date', message: 'Date is required' },
    ]);
    expect(e.message).toBe('currency: Currency is invalid; date: Date is in the future; date: Date is required');
  });
  it('{field:[msgs], error_details} (plan groups) without duplicates', () => {
    const e = err(422, {
      name: ["Name can't be blank"], plan_ids: ["Plan ids can't be blank"],
      error_details: [{ param: 'name', code: 'blank', message: "Name can't be blank" }, { param: 'plan_ids', code: 'blank', message: "Plan ids can't be blank" }],
    });
    expect(e.fields).toEqual([{ field: 'name', message: "Name can't be blank" }, { field: 'plan_ids', message: "Plan ids can't be blank" }]);
  });
  it('{message}', () => {
    const e = err(422, { message: 'Status transition is not allowed' });
    expect([e.kind, e.message]).toEqual(['validation', 'Status transition is not allowed']);
  });
  it('objects with their own errors inside the body (422 invoice batch)', () => {
    const e = err(422, { invoices: [{ external_id: 'A', errors: {} }, { external_id: 'B', errors: { currency: ['Currency is invalid'] } }] });
    expect(e.fields).toEqual([{ field: 'invoices[1].currency', message: 'Currency is invalid' }]);
    expect(e.message).toBe('invoices[1].currency: Currency is invalid');
  });
  it.each([
    ['plain text', 500, '500 Internal Server Error', 'ChartMogul server error (HTTP 500)'],
    ['HTML', 502, '<html><body><h1>We are sorry</h1></body></html>', 'ChartMogul server error (HTTP 502)'],
    ['empty', 429, '', 'Rate limit exceeded (HTTP 429)'],
    ['broken JSON', 422, "{invoices: [{errors: {\"plan_id\": \"doesn't exist\"}}]}", 'Validation failed (HTTP 422)'],
    ['a 2xx-looking object', 400, '{"id":1,"external_id":"evnt_026","cancellation_dates":[]}', 'Invalid request (HTTP 400)'],
  ])('%s body → generic message, raw body kept aside', (_name, status, body, message) => {
    const e = err(status, body);
    expect(e.message).toBe(message);
    expect(e.body).toBe(body);
    if (body) expect(e.message).not.toContain(body);
  });
  it('a network failure says why', () => {
    const e = errorFromResponse(0, '', {}, 'Address unavailable');
    expect([e.kind, e.retryable, e.message]).toEqual(['network', true, 'Network error: Address unavailable']);
  });
  it('clips long messages and counts the rest', () => {
    const errors: Record<string, string> = {};
    for (let i = 0; i < 8; i++) errors[`f${i}`] = 'x'.repeat(500);
    const e = err(422, { errors });
    expect(e.fields).toHaveLength(8);
    expect(e.message.endsWith('(+3 more)')).toBe(true);
    expect(e.message.length).toBeLessThan(1100);
  });
});

describe('alreadyExists', () => {
  it.each([
    ['customer', { errors: { external_id: 'The external ID for this customer already exists in our system.' } }],
    ['invoice', { errors: { external_id: ['The external ID for this invoice already exists in our system.'] } }],
    ['line item', { errors: { 'line_items.external_id': ['The external ID for this line item already exists in our system.'] } }],
    ['transaction', { errors: { 'transactions.external_id': ['has already been taken'] } }],
    ['plan', { errors: { external_id: 'A plan with this identifier already exists in our system.' } }],
    ['data source name', { errors: { name: 'Has already been taken.' } }],
    ['invoice + entities', { errors: {
      external_id: ['The external ID for this invoice already exists in our system.'],
      'line_items.external_id': ['The external ID for this line item already exists in our system.'],
      'transactions.external_id': ['has already been taken'] } }],
    ['nested in an invoice batch', { invoices: [{ errors: { external_id: ['The external ID for this invoice already exists in our system.'] } }] }],
    ['field-less customer duplicate', { error: 'The external ID for this customer already exists in our system.' }],
  ])('%s → alreadyExists', (_n, body) => {
    const e = err(422, body);
    expect(e.alreadyExists).toBe(true);
    expect(e.kind).toBe('validation');
  });
  it.each([
    ['mixed with another error', { errors: { external_id: 'The external ID for this customer already exists in our system.', currency: 'Currency is invalid' } }],
    ['message under the wrong field', { errors: { name: 'The external ID for this customer already exists in our system.' } }],
    ['"has already been taken" on a plain field', { errors: { email: 'has already been taken' } }],
    ['no errors at all', {}],
  ])('%s → not alreadyExists', (_n, body) => {
    expect(err(422, body).alreadyExists).toBe(false);
  });
  it('only a 422 can be alreadyExists', () => {
    expect(err(400, { errors: { name: 'Has already been taken.' } }).alreadyExists).toBe(false);
  });
});

describe('embedded errors in 2xx bodies', () => {
  it('reads an invoice and its line items / transactions', () => {
    const invoice = {
      uuid: 'inv_1', errors: { currency: ['Currency is invalid'], date: ['Date is in the future'] },
      line_items: [{ uuid: 'li_1', errors: {} }, { uuid: 'li_2', errors: { amount_in_cents: ['must be an integer'] } }],
      transactions: [{ uuid: 'tr_1', errors: null }],
    };
    expect(embeddedFieldErrors(invoice)).toEqual([
      { field: 'currency', message: 'Currency is invalid' },
      { field: 'date', message: 'Date is in the future' },
      { field: 'line_items[1].amount_in_cents', message: 'must be an integer' },
    ]);
  });
  it('is empty for a valid object and for non-objects', () => {
    expect(embeddedFieldErrors({ errors: {} })).toEqual([]);
    expect(embeddedFieldErrors(null)).toEqual([]);
    expect(fieldsFromErrorMap(undefined)).toEqual([]);
  });
  it('parseErrorBody reports non-JSON', () => {
    expect(parseErrorBody('oops').json).toBe(false);
    expect(parseErrorBody('{"error":"x"}')).toEqual({ fields: [], detail: 'x', json: true });
  });
});

describe('ChartMogulError', () => {
  const body = JSON.stringify({ errors: { currency: ['Currency is invalid'] } });
  const e = errorFromResponse(422, body, { method: 'POST', path: '/v1/import/customers/cus_1/invoices', attempts: 1 });

  it('is an Error with a typed surface', () => {
    expect(e).toBeInstanceOf(Error);
    expect(e).toBeInstanceOf(ChartMogulError);
    expect(e.name).toBe('ChartMogulError');
    expect([e.status, e.kind, e.method, e.path, e.attempts]).toEqual([422, 'validation', 'POST', '/v1/import/customers/cus_1/invoices', 1]);
    expect(String(e)).toBe('ChartMogulError: currency: Currency is invalid');
  });
  it('keeps the raw body non-enumerable and out of message, toString and JSON', () => {
    expect(e.body).toBe(body);
    expect(Object.keys(e)).not.toContain('body');
    expect(JSON.stringify(e)).not.toContain('Currency is invalid"]}}');
    expect(e.toString()).not.toContain(body);
    expect(e.stack || '').not.toContain(body);
  });
  it('redacts secrets in fields, messages, body and path', () => {
    const leaky = errorFromResponse(400, JSON.stringify({ code: 400, message: 'bad key sk_abc123', param: 'sk_abc123' }), {
      path: '/v1/x/sk_abc123', secrets: ['sk_abc123'],
    });
    expect(leaky.message).toBe('[REDACTED]: bad key [REDACTED]');
    expect(leaky.body).not.toContain('sk_abc123');
    expect(leaky.path).toBe('/v1/x/[REDACTED]');
    expect(leaky.stack || '').not.toContain('sk_abc123');
  });
  it('redact() also hides any Basic credential', () => {
    expect(redact('Authorization: Basic c2tfYWJjOg==', [])).toBe('Authorization: Basic [REDACTED]');
  });
});
