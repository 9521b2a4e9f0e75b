// Tests of the UrlFetchApp fake against a real loopback server in a child process (synchronous HTTP).
// Covers muteHttpExceptions on/off, fetchAll, payload encoding, headers, network failures, quota and recording.

import { ChildServer, closedPort, startChildServer } from '../support/sync-http-test-helpers';
import { createGasEnvironment } from './index';

let server: ChildServer;
beforeAll(async () => {
  server = await startChildServer();
});
afterAll(async () => {
  await server.stop();
});

function make(options: Parameters<typeof createGasEnvironment>[0] = {}) {
  const env = createGasEnvironment(options);
  return { env, F: env.globals.UrlFetchApp as GoogleAppsScript.URL_Fetch.UrlFetchApp };
}

describe('UrlFetchApp.fetch', () => {
  it('GETs and exposes code, text, headers and bytes', () => {
    const { F } = make();
    const res = F.fetch(`${server.baseUrl}/headers`);
    expect(res.getResponseCode()).toBe(200);
    expect(res.getContentText()).toBe('héllo');
    expect(res.getContent()).toEqual(Array.from(Buffer.from('héllo'), (b) => (b > 127 ? b - 256 : b)));
    const all = res.getAllHeaders() as Record<string, unknown>;
    expect(all['X-Custom-Header']).toBe('custom');
    expect(all['Set-Cookie']).toEqual(['a=1', 'b=2']);
    expect((res.getHeaders() as Record<string, string>)['Content-Type']).toBe('text/plain; charset=utf-8');
    expect(res.getBlob().getDataAsString()).toBe('héllo');
  });

  it('POSTs JSON with headers and records the request', () => {
    const { env, F } = make();
    const res = F.fetch(`${server.baseUrl}/echo`, {
      method: 'post',
      contentType: 'application/json',
      headers: { Authorization: 'Basic abc' },
      payload: JSON.stringify({ a: 1 }),
    });
    const echo = JSON.parse(res.getContentText());
    expect(echo.method).toBe('POST');
    expect(echo.body).toBe('{"a":1}');
    expect(echo.headers['content-type']).toBe('application/json');
    expect(echo.headers.authorization).toBe('Basic abc');
    expect(echo.headers['user-agent']).toMatch(/Google-Apps-Script/);
    expect(env.urlFetch.requests).toHaveLength(1);
    expect(env.urlFetch.requests[0]).toMatchObject({ url: `${server.baseUrl}/echo`, method: 'post', payload: '{"a":1}', status: 200 });
    expect(env.urlFetch.requests[0].ms).toBeGreaterThanOrEqual(0);
    env.urlFetch.reset();
    expect(env.urlFetch.requests).toHaveLength(0);
  });

  it('form-encodes an object payload', () => {
    const { F } = make();
    const echo = JSON.parse(F.fetch(`${server.baseUrl}/echo`, { method: 'post', payload: { q: 'a b', n: 1 } }).getContentText());
    expect(echo.body).toBe('q=a%20b&n=1');
    expect(echo.headers['content-type']).toBe('application/x-www-form-urlencoded');
  });

  it('throws on >= 400 unless muteHttpExceptions', () => {
    const { F } = make();
    const url = `${server.baseUrl}/status/404?token=secret`;
    expect(() => F.fetch(url)).toThrow(
      new RegExp(`^Request failed for ${server.baseUrl.replace(/\./g, '\\.')} returned code 404\\. Truncated server response: \\{"error":"status 404".{60,}\\.\\.\\. \\(use muteHttpExceptions option to examine full response\\)$`),
    );
    try {
      F.fetch(url);
    } catch (e) {
      expect(String(e)).toMatch(/^Exception: Request failed/);
      expect(String(e)).not.toContain('secret');
    }
    const res = F.fetch(url, { muteHttpExceptions: true });
    expect(res.getResponseCode()).toBe(404);
    expect(JSON.parse(res.getContentText()).error).toBe('status 404');
  });

  it('follows redirects by default, not when followRedirects is false', () => {
    const { F } = make();
    expect(F.fetch(`${server.baseUrl}/redirect`).getResponseCode()).toBe(200);
    expect(F.fetch(`${server.baseUrl}/redirect`, { followRedirects: false }).getResponseCode()).toBe(302);
  });

  it('throws on network failure and timeout', async () => {
    const port = await closedPort();
    const { env, F } = make({ urlFetchTimeoutMs: 200 });
    expect(() => F.fetch(`http://127.0.0.1:${port}/x`)).toThrow(`Address unavailable: http://127.0.0.1:${port}/x`);
    expect(() => F.fetch(`${server.baseUrl}/slow?ms=1000`)).toThrow(`Timeout: ${server.baseUrl}/slow?ms=1000`);
    expect(env.urlFetch.requests.map((r) => r.status)).toEqual([0, 0]);
  });

  it('rejects invalid URLs and enforces the whitelist when given', () => {
    const { F } = make({ urlFetchWhitelist: ['https://api.chartmogul.com/'] });
    expect(() => F.fetch('ftp://x')).toThrow('Invalid argument: ftp://x');
    expect(() => F.fetch('https://api.chartmogul.com/v1/customers?q=a b')).toThrow(/Invalid argument/);
    expect(() => F.fetch(`${server.baseUrl}/echo`)).toThrow(/urlFetchWhitelist/);
  });
});

describe('UrlFetchApp.fetchAll', () => {
  it('runs requests in parallel and keeps order', () => {
    const { F } = make();
    const started = Date.now();
    const res = F.fetchAll([
      { url: `${server.baseUrl}/slow?ms=300` },
      `${server.baseUrl}/slow?ms=300`,
      { url: `${server.baseUrl}/status/500`, muteHttpExceptions: true },
    ]);
    expect(Date.now() - started).toBeLessThan(900);
    expect(res.map((r) => r.getResponseCode())).toEqual([200, 200, 500]);
  });

  it('one failure throws for the whole call', async () => {
    const port = await closedPort();
    const { F } = make();
    expect(() => F.fetchAll([{ url: `${server.baseUrl}/echo` }, { url: `http://127.0.0.1:${port}/` }])).toThrow(/Address unavailable/);
    expect(() => F.fetchAll([{ url: `${server.baseUrl}/echo` }, { url: `${server.baseUrl}/status/401` }])).toThrow(/returned code 401/);
  });
});

describe('quota', () => {
  it('throws once the daily quota is used up, and resets on a new day', () => {
    const { env, F } = make({ urlFetchDailyQuota: 2 });
    F.fetch(`${server.baseUrl}/echo`);
    expect(() => F.fetchAll([`${server.baseUrl}/echo`, `${server.baseUrl}/echo`])).toThrow('Service invoked too many times for one day: urlfetch.');
    F.fetch(`${server.baseUrl}/echo`);
    expect(() => F.fetch(`${server.baseUrl}/echo`)).toThrow('Service invoked too many times for one day: urlfetch.');
    env.clock.advance(86400000);
    expect(F.fetch(`${server.baseUrl}/echo`).getResponseCode()).toBe(200);
  });
});
