// Tests for the synchronous HTTP helper against a real loopback server in a child process.
// Also shows the documented deadlock: a server in the same thread is only reached through the timeout.

import http from 'http';
import { AddressInfo } from 'net';
import { syncHttp } from './sync-http';
import { ChildServer, closedPort, startChildServer } from './sync-http-test-helpers';

let server: ChildServer;

beforeAll(async () => {
  server = await startChildServer();
});
afterAll(async () => {
  await server.stop();
});

describe('syncHttp', () => {
  it('returns status, headers and body of a GET', () => {
    const [res] = syncHttp([{ method: 'GET', url: `${server.baseUrl}/headers` }]);
    expect(res.status).toBe(200);
    expect(res.body).toBe('héllo');
    expect(res.headers['x-custom-header']).toBe('custom');
    expect(res.headers['set-cookie']).toBe('a=1, b=2');
    expect(res.rawHeaders).toEqual(expect.arrayContaining([['X-Custom-Header', 'custom'], ['Set-Cookie', 'a=1']]));
  });

  it('sends a POST body and request headers', () => {
    const [res] = syncHttp([
      { method: 'POST', url: `${server.baseUrl}/echo`, headers: { 'Content-Type': 'application/json', 'X-Token': 't' }, body: '{"a":"é"}' },
    ]);
    const echo = JSON.parse(res.body);
    expect(echo.method).toBe('POST');
    expect(echo.body).toBe('{"a":"é"}');
    expect(echo.headers['x-token']).toBe('t');
    expect(echo.headers['content-type']).toBe('application/json');
  });

  it('returns a 404 with its body (no throw)', () => {
    const [res] = syncHttp([{ method: 'GET', url: `${server.baseUrl}/nope` }]);
    expect(res.status).toBe(404);
    expect(res.body).toBe('not found: /nope');
    expect(res.error).toBeUndefined();
  });

  it('runs requests in parallel and keeps their order', () => {
    const started = Date.now();
    const res = syncHttp([300, 300, 300, 10].map((ms) => ({ method: 'GET', url: `${server.baseUrl}/slow?ms=${ms}` })));
    const elapsed = Date.now() - started;
    expect(res.map((r) => JSON.parse(r.body).slept)).toEqual([300, 300, 300, 10]);
    expect(elapsed).toBeLessThan(850);
  });

  it('reports a refused connection as status 0 with an error', async () => {
    const port = await closedPort();
    const [res] = syncHttp([{ method: 'GET', url: `http://127.0.0.1:${port}/` }]);
    expect(res.status).toBe(0);
    expect(res.code).toBe('ECONNREFUSED');
    expect(res.error).toMatch(/ECONNREFUSED/);
  });

  it('reports a per-request timeout as status 0', () => {
    const [slow, fast] = syncHttp([
      { method: 'GET', url: `${server.baseUrl}/slow?ms=2000`, timeoutMs: 200 },
      { method: 'GET', url: `${server.baseUrl}/slow?ms=1` },
    ]);
    expect(slow.status).toBe(0);
    expect(slow.code).toBe('ETIMEDOUT');
    expect(fast.status).toBe(200);
  });

  it('follows redirects only when asked', () => {
    const [raw, followed] = syncHttp([
      { method: 'GET', url: `${server.baseUrl}/redirect` },
      { method: 'GET', url: `${server.baseUrl}/redirect`, followRedirects: true },
    ]);
    expect(raw.status).toBe(302);
    expect(followed.status).toBe(200);
    expect(JSON.parse(followed.body).path).toBe('/echo?redirected=1');
  });

  it('reports a reset connection as status 0', () => {
    const [res] = syncHttp([{ method: 'GET', url: `${server.baseUrl}/reset` }]);
    expect(res.status).toBe(0);
    expect(res.error).toBeTruthy();
  });

  it('deadlocks against a server in the same thread; the timeout turns it into a clear error', async () => {
    const local = http.createServer((_req, res) => res.end('never seen'));
    await new Promise<void>((resolve) => local.listen(0, '127.0.0.1', () => resolve()));
    try {
      const port = (local.address() as AddressInfo).port;
      const [res] = syncHttp([{ method: 'GET', url: `http://127.0.0.1:${port}/`, timeoutMs: 300 }]);
      expect(res.status).toBe(0);
      expect(res.error).toMatch(/same thread/);
    } finally {
      await new Promise<void>((resolve) => local.close(() => resolve()));
    }
  });
});
