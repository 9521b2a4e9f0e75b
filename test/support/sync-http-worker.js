// Worker thread for test/support/sync-http.ts: performs HTTP requests with Node's http/https (keep-alive agents)
// and hands the results back through a MessagePort, then wakes the blocked caller with Atomics.notify.
'use strict';

const { parentPort, workerData } = require('worker_threads');
const http = require('http');
const https = require('https');

const port = workerData.port;
const httpAgent = new http.Agent({ keepAlive: true, maxSockets: 32 });
const httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 32 });
const insecureHttpsAgent = new https.Agent({ keepAlive: true, maxSockets: 32, rejectUnauthorized: false });

function once(request, retried) {
  return new Promise((resolve) => {
    let url;
    try {
      url = new URL(request.url);
    } catch (e) {
      resolve({ status: 0, headers: {}, body: '', error: 'Invalid URL: ' + request.url, code: 'EINVAL' });
      return;
    }
    const isHttps = url.protocol === 'https:';
    if (!isHttps && url.protocol !== 'http:') {
      resolve({ status: 0, headers: {}, body: '', error: 'Unsupported protocol: ' + url.protocol, code: 'EPROTO' });
      return;
    }
    const lib = isHttps ? https : http;
    const agent = isHttps ? (request.insecure ? insecureHttpsAgent : httpsAgent) : httpAgent;
    const timeoutMs = request.timeoutMs || 30000;
    let settled = false;
    const finish = (result) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const headers = Object.assign({}, request.headers || {});
    const body = request.body === undefined || request.body === null ? undefined : Buffer.from(request.body, 'utf8');
    if (body !== undefined && !Object.keys(headers).some((k) => k.toLowerCase() === 'content-length')) {
      headers['Content-Length'] = String(body.length);
    }
    const req = lib.request(url, { method: (request.method || 'GET').toUpperCase(), headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('error', (err) => finish(failure(err)));
      res.on('end', () => {
        const lower = {};
        const raw = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) {
          const name = res.rawHeaders[i];
          const value = res.rawHeaders[i + 1];
          raw.push([name, value]);
          const key = name.toLowerCase();
          lower[key] = key in lower ? lower[key] + ', ' + value : value;
        }
        finish({ status: res.statusCode || 0, headers: lower, rawHeaders: raw, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    const timer = setTimeout(() => {
      finish({ status: 0, headers: {}, body: '', error: 'Timeout after ' + timeoutMs + ' ms', code: 'ETIMEDOUT' });
      req.destroy();
    }, timeoutMs);
    req.on('error', (err) => {
      // A kept-alive socket that the server closed meanwhile: retry once on a fresh socket (Node docs' advice).
      if (!settled && !retried && req.reusedSocket && err.code === 'ECONNRESET') {
        settled = true;
        clearTimeout(timer);
        once(request, true).then(resolve);
        return;
      }
      finish(failure(err));
    });
    if (body !== undefined) req.write(body);
    req.end();
  });
}

function failure(err) {
  const code = err && err.code ? String(err.code) : 'ERROR';
  return { status: 0, headers: {}, body: '', error: code + ': ' + (err && err.message ? err.message : String(err)), code };
}

async function withRedirects(request) {
  let current = request;
  for (let hop = 0; ; hop++) {
    const res = await once(current, false);
    const location = res.headers && res.headers.location;
    if (!request.followRedirects || !location || [301, 302, 303, 307, 308].indexOf(res.status) < 0 || hop >= 10) {
      return res;
    }
    const next = new URL(location, current.url).toString();
    const keepMethod = res.status === 307 || res.status === 308;
    current = Object.assign({}, current, {
      url: next,
      method: keepMethod ? current.method : 'GET',
      body: keepMethod ? current.body : undefined,
    });
  }
}

parentPort.on('message', async (msg) => {
  let responses;
  try {
    responses = await Promise.all(msg.requests.map((r) => withRedirects(r).catch(failure)));
  } catch (err) {
    responses = msg.requests.map(() => failure(err));
  }
  port.postMessage({ id: msg.id, responses });
  const flag = new Int32Array(msg.flag);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
