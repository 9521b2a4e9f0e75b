// Tests for the UrlFetchApp transport with a hand-written fake typed against @types/google-apps-script:
// request options (muteHttpExceptions, payload, contentType), header lower-casing, fetchAll fallback, thrown fetches.

import { HttpRequest } from '../../../src/core/ports';
import { scrubNetworkError, UrlFetchLike, UrlFetchTransport } from '../../../src/gas/adapters/urlFetchTransport';

type Opts = GoogleAppsScript.URL_Fetch.URLFetchRequestOptions;
type Resp = GoogleAppsScript.URL_Fetch.HTTPResponse;

function fakeResponse(status: number, body: string, headers: Record<string, unknown> = {}): Resp {
  return {
    getResponseCode: () => status,
    getContentText: () => body,
    getAllHeaders: () => headers,
  } as unknown as Resp;
}

class FakeUrlFetchApp implements UrlFetchLike {
  readonly fetchCalls: Array<{ url: string; options: Opts }> = [];
  readonly fetchAllCalls: GoogleAppsScript.URL_Fetch.URLFetchRequest[][] = [];
  fetchAllThrows = false;
  constructor(private readonly answer: (url: string) => Resp) {}
  fetch(url: string, options?: Opts): Resp {
    this.fetchCalls.push({ url, options: options || {} });
    return this.answer(url);
  }
  fetchAll(requests: Array<GoogleAppsScript.URL_Fetch.URLFetchRequest | string>): Resp[] {
    const reqs = requests as GoogleAppsScript.URL_Fetch.URLFetchRequest[];
    this.fetchAllCalls.push(reqs);
    if (this.fetchAllThrows) throw new Error('Exception: Address unavailable: https://api.chartmogul.com/v1/ping');
    return reqs.map((r) => this.answer(r.url));
  }
}

const GET: HttpRequest = { method: 'get', url: 'https://api.chartmogul.com/v1/ping', headers: { Authorization: 'Basic eDo=', Accept: 'application/json', 'Content-Type': 'application/json' } };
const POST: HttpRequest = { method: 'post', url: 'https://api.chartmogul.com/v1/data_sources', headers: { Authorization: 'Basic eDo=', 'Content-Type': 'application/json' }, body: '{"name":"x"}' };

describe('UrlFetchTransport.send', () => {
  it('maps the request to fetch options and the answer to an HttpResponse with lower-case headers', () => {
    const app = new FakeUrlFetchApp(() => fakeResponse(200, '{"data":"pong!"}', { 'Content-Type': 'application/json', 'Set-Cookie': ['a=1', 'b=2'], 'Retry-Count': 0 }));
    const res = new UrlFetchTransport(app).send(GET);
    expect(res).toEqual({ status: 200, body: '{"data":"pong!"}', headers: { 'content-type': 'application/json', 'set-cookie': 'a=1, b=2', 'retry-count': '0' } });
    expect(app.fetchCalls[0].url).toBe(GET.url);
    expect(app.fetchCalls[0].options).toEqual({
      method: 'get', headers: { Authorization: 'Basic eDo=', Accept: 'application/json' },
      muteHttpExceptions: true, followRedirects: true, escaping: false,
    });
  });

  it('sends a body as payload with contentType', () => {
    const app = new FakeUrlFetchApp(() => fakeResponse(201, '{}'));
    new UrlFetchTransport(app).send(POST);
    expect(app.fetchCalls[0].options).toMatchObject({ method: 'post', payload: '{"name":"x"}', contentType: 'application/json', muteHttpExceptions: true });
    expect(app.fetchCalls[0].options.headers).toEqual({ Authorization: 'Basic eDo=' });
  });

  it('returns 4xx/5xx as responses (muted), not exceptions', () => {
    const res = new UrlFetchTransport(new FakeUrlFetchApp(() => fakeResponse(422, '{"errors":{}}'))).send(POST);
    expect(res.status).toBe(422);
  });

  it('turns a thrown fetch into status 0 without credentials from the URL', () => {
    const app = new FakeUrlFetchApp(() => {
      throw new Error('Exception: DNS error: https://sk_live_key:@api.chartmogul.com/v1/ping (Authorization: Basic c2s6)');
    });
    const res = new UrlFetchTransport(app).send(GET);
    expect(res.status).toBe(0);
    expect(res.networkError).toBe('Exception: DNS error: https://[REDACTED]@api.chartmogul.com/v1/ping (Authorization: Basic [REDACTED])');
    expect(res.networkError).not.toContain('sk_live_key');
  });
});

describe('UrlFetchTransport.sendAll', () => {
  it('uses one fetchAll for the wave and keeps order', () => {
    const app = new FakeUrlFetchApp((url) => fakeResponse(url.endsWith('ping') ? 200 : 201, url));
    const out = new UrlFetchTransport(app).sendAll([GET, POST]);
    expect(out.map((r) => [r.status, r.body])).toEqual([[200, GET.url], [201, POST.url]]);
    expect(app.fetchAllCalls).toHaveLength(1);
    expect(app.fetchAllCalls[0][0]).toMatchObject({ url: GET.url, method: 'get', muteHttpExceptions: true });
    expect(app.fetchCalls).toHaveLength(0);
  });

  it('falls back to one fetch per request when fetchAll throws, so the other answers survive', () => {
    const app = new FakeUrlFetchApp((url) => {
      if (url.endsWith('ping')) throw new Error('Exception: Address unavailable');
      return fakeResponse(201, '{"uuid":"ds_1"}');
    });
    app.fetchAllThrows = true;
    const out = new UrlFetchTransport(app).sendAll([GET, POST]);
    expect(out.map((r) => r.status)).toEqual([0, 201]);
    expect(out[0].networkError).toBe('Exception: Address unavailable');
    expect(app.fetchCalls).toHaveLength(2);
  });

  it('an empty wave makes no call', () => {
    const app = new FakeUrlFetchApp(() => fakeResponse(200, ''));
    expect(new UrlFetchTransport(app).sendAll([])).toEqual([]);
    expect(app.fetchAllCalls).toHaveLength(0);
  });
});

describe('scrubNetworkError', () => {
  it('clips long messages', () => {
    expect(scrubNetworkError('x'.repeat(1000)).length).toBe(300);
  });
});
