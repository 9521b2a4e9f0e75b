// Tests for request building (URL, query encoding, Basic auth, headers, JSON body), response reading,
// 404-as-empty for customer search, and that the API key never leaks into errors or logs.

import { ChartMogulClient, serializeBody } from '../../../src/core/chartmogul/client';
import { ChartMogulError } from '../../../src/core/chartmogul/errors';
import { USER_AGENT } from '../../../src/core/version';
import { API_KEY, FakeClock, harness, netErr, res, ScriptedTransport, splitUrl } from './helpers';

const OK = res(200, { entries: [], has_more: false, cursor: null });

describe('request building', () => {
  it('sends Basic auth with an empty password, JSON headers and the add-on User-Agent', () => {
    const h = harness([res(200, { data: 'pong!' })]);
    h.client.account.ping();
    const req = h.transport.sent[0];
    expect(req.method).toBe('get');
    expect(req.url).toBe('https://api.chartmogul.com/v1/ping');
    expect(req.headers).toEqual({
      Authorization: 'Basic ' + Buffer.from(API_KEY + ':').toString('base64'),
      Accept: 'application/json',
      'Content-Type': 'application/json',
      'User-Agent': USER_AGENT,
    });
    expect(req.body).toBeUndefined();
  });

  it('uses a custom base URL without doubling slashes', () => {
    const h = harness([res(200, { data: 'pong!' })], { baseUrl: 'http://127.0.0.1:9999/' });
    h.client.account.ping();
    expect(h.transport.sent[0].url).toBe('http://127.0.0.1:9999/v1/ping');
  });

  it('encodes metrics parameters: kebab keys, comma lists, CFL filters, spaces in plan names', () => {
    const h = harness([res(200, { entries: [], summary: {} })]);
    h.client.metrics.mrr({
      'start-date': '2024-01-01', 'end-date': '2024-03-31', interval: 'month',
      geo: ['US', 'FR'], plans: ['PRO Plan', 'Basic'], filters: "currency~ANY~'USD'~AND~mrr~GT~150",
    });
    const url = h.transport.sent[0].url;
    expect(url).toBe(
      'https://api.chartmogul.com/v1/metrics/mrr?start-date=2024-01-01&end-date=2024-03-31&interval=month' +
        '&geo=US%2CFR&plans=PRO%20Plan%2CBasic&filters=currency~ANY~%27USD%27~AND~mrr~GT~150',
    );
    expect(splitUrl(url).query).toContainEqual(['filters', "currency~ANY~'USD'~AND~mrr~GT~150"]);
  });

  it('leaves out undefined filters and sends booleans as true/false', () => {
    const h = harness([res(200, { invoices: [], has_more: false })]);
    h.client.invoices.list({ data_source_uuid: 'ds_1', external_id: undefined, with_disabled: false });
    expect(h.transport.sent[0].url).toBe('https://api.chartmogul.com/v1/invoices?data_source_uuid=ds_1&with_disabled=false');
  });

  it('serialises bodies without undefined but with null', () => {
    expect(serializeBody({ a: 1, b: undefined, c: null, d: [1, undefined, null], e: { f: undefined, g: 'x' } }))
      .toBe('{"a":1,"c":null,"d":[1,null],"e":{"g":"x"}}');
    const h = harness([res(200, { uuid: 'cus_1' })]);
    h.client.customers.update('cus_1', { name: 'New', email: null, company: undefined });
    expect(h.transport.sent[0]).toMatchObject({ method: 'patch', url: 'https://api.chartmogul.com/v1/customers/cus_1', body: '{"name":"New","email":null}' });
  });

  it('encodes ids in paths', () => {
    const h = harness([res(200, { uuid: 'x' })]);
    h.client.customers.retrieve('cus_1/../plans');
    expect(h.transport.sent[0].url).toBe('https://api.chartmogul.com/v1/customers/cus_1%2F..%2Fplans');
  });

  it('refuses an empty API key', () => {
    expect(() => new ChartMogulClient({ apiKey: '  ', transport: new ScriptedTransport([]), clock: new FakeClock() })).toThrow(ChartMogulError);
  });
});

describe('responses', () => {
  it('search by e-mail: a 404 is an empty page, not an error', () => {
    const h = harness([res(404, { code: 404, message: "Can't find any customers with email: \"x@y.z\"", param: 'email' })]);
    expect(h.client.customers.search('x@y.z')).toEqual({ entries: [], has_more: false, cursor: null });
    expect(h.transport.sent[0].url).toBe('https://api.chartmogul.com/v1/customers/search?email=x%40y.z');
  });
  it('other 404s still throw not_found', () => {
    const h = harness([res(404, { error: 'Data source not found' })]);
    expect(() => h.client.dataSources.retrieve('ds_x')).toThrow(expect.objectContaining({ kind: 'not_found', message: 'Data source not found' }));
  });
  it('deletes ignore the (empty) 204 body', () => {
    const h = harness([res(204, '')]);
    expect(h.client.customers.delete('cus_1')).toBeUndefined();
    expect(h.transport.sent[0].method).toBe('delete');
  });
  it('a non-JSON 2xx body is a bad_response error, not retried', () => {
    const h = harness([res(200, '<html>proxy</html>')]);
    expect(() => h.client.account.retrieve()).toThrow(expect.objectContaining({ kind: 'bad_response', retryable: false }));
    expect(h.transport.sent).toHaveLength(1);
  });
  it('a list without its collection key is a bad_response error', () => {
    const h = harness([res(200, { data: [] })]);
    expect(() => h.client.plans.list()).toThrow(/no "plans" list/);
  });
  it('an empty 2xx body for an object endpoint reads as {}', () => {
    const h = harness([res(202, '')]);
    expect(h.client.subscriptions.cancel('sub_1', { cancelled_at: '2024-01-01T00:00:00Z' })).toEqual({});
  });
  it('findByExternalId returns the first match or null', () => {
    const h = harness([res(200, { entries: [{ uuid: 'cus_1' }], has_more: false }), OK]);
    expect(h.client.customers.findByExternalId('ext 1', 'ds_1')?.uuid).toBe('cus_1');
    expect(h.client.customers.findByExternalId('none')).toBeNull();
    expect(h.transport.sent[0].url).toBe('https://api.chartmogul.com/v1/customers?external_id=ext%201&data_source_uuid=ds_1');
  });
});

describe('API key redaction', () => {
  const token = Buffer.from(API_KEY + ':').toString('base64');
  const leaks = (text: string) => text.includes(API_KEY) || text.includes(token);

  function allText(e: ChartMogulError): string {
    return [e.message, String(e), e.toString(), e.stack || '', JSON.stringify(e), e.body, e.path || '', JSON.stringify(e.fields)].join('\n');
  }

  it('an error body echoing the key and the Authorization header never shows them', () => {
    const echo = JSON.stringify({ code: 401, message: `Key ${API_KEY} is invalid (Authorization: Basic ${token})`, param: API_KEY });
    const h = harness([res(401, echo)]);
    let error: ChartMogulError | undefined;
    try { h.client.account.ping(); } catch (e) { error = e as ChartMogulError; }
    expect(error).toBeInstanceOf(ChartMogulError);
    expect(leaks(allText(error!))).toBe(false);
    expect(error!.message).toContain('[REDACTED]');
  });

  it('network errors and retry logs never show the key', () => {
    const h = harness([netErr(`connect failed for https://${API_KEY}@api.chartmogul.com/v1/ping`)], { retry: { maxAttempts: 3 } });
    let error: ChartMogulError | undefined;
    try { h.client.account.ping(); } catch (e) { error = e as ChartMogulError; }
    expect(error!.kind).toBe('network');
    expect(leaks(allText(error!))).toBe(false);
    expect(h.logs.length).toBeGreaterThan(0);
    expect(h.logs.some(leaks)).toBe(false);
  });

  it('a key in the path (user error) is redacted in the error', () => {
    const h = harness([res(404, { error: 'not found' })]);
    let error: ChartMogulError | undefined;
    try { h.client.customers.retrieve(API_KEY); } catch (e) { error = e as ChartMogulError; }
    expect(leaks(allText(error!))).toBe(false);
  });

  it('the client keeps its credentials non-enumerable', () => {
    const h = harness([]);
    const dump = Object.keys(h.client).map((k) => {
      const v = (h.client as unknown as Record<string, unknown>)[k];
      return typeof v === 'string' || Array.isArray(v) ? JSON.stringify(v) : '';
    });
    expect(dump.some(leaks)).toBe(false);
    expect(Object.keys(h.client)).not.toContain('authorization');
  });
});
