// UrlFetchApp fake that makes REAL, synchronous HTTP requests (test/support/sync-http.ts) and records each one.
// Mirrors the real error rules: >= 400 throws unless muteHttpExceptions, network failures throw, a daily quota applies.

import { SyncHttpRequest, SyncHttpResponse, syncHttp } from '../support/sync-http';
import { Runtime, instrument } from './runtime';
import { FakeBlob, bytesToBuffer, toSignedBytes } from './utilities';

type GResponse = GoogleAppsScript.URL_Fetch.HTTPResponse;
type GOptions = GoogleAppsScript.URL_Fetch.URLFetchRequestOptions;
type GRequest = GoogleAppsScript.URL_Fetch.URLFetchRequest;

export interface RecordedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  payload?: string;
  /** 0 when the request got no HTTP answer. */
  status: number;
  ms: number;
  error?: string;
}

export interface UrlFetchOptions {
  dailyQuota: number;
  timeoutMs: number;
  /** When set, like the manifest's urlFetchWhitelist: other URLs throw. */
  whitelist?: string[];
}

export const MAX_URL_LENGTH = 2048;
const METHODS = ['get', 'delete', 'patch', 'post', 'put'];
const USER_AGENT = 'Mozilla/5.0 (compatible; Google-Apps-Script; beanserver; +https://script.google.com; id: fake)';
const URL_CHARS = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/;

export class FakeHTTPResponse implements Pick<GResponse, 'getResponseCode' | 'getContentText' | 'getAllHeaders' | 'getHeaders' | 'getContent'> {
  constructor(
    private readonly rt: Runtime,
    private readonly res: SyncHttpResponse,
  ) {
    return instrument(this, rt, 'UrlFetchApp', 'HTTPResponse');
  }
  getResponseCode(): number {
    return this.res.status;
  }
  getContentText(_charset?: string): string {
    return this.res.body;
  }
  getContent(): number[] {
    return toSignedBytes(Buffer.from(this.res.body, 'utf8'));
  }
  /** Header names as the server sent them; repeated headers become arrays. */
  getAllHeaders(): Record<string, string | string[]> {
    const out: Record<string, string | string[]> = {};
    for (const [name, value] of this.rawHeaders()) {
      const prev = out[name];
      out[name] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
    }
    return out;
  }
  /** One value per header (the last one when repeated). */
  getHeaders(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, value] of this.rawHeaders()) out[name] = value;
    return out;
  }
  getBlob(): GoogleAppsScript.Base.Blob {
    const type = this.res.headers['content-type'] ?? null;
    return new FakeBlob(this.rt, Buffer.from(this.res.body, 'utf8'), type, null) as unknown as GoogleAppsScript.Base.Blob;
  }
  getAs(contentType: string): GoogleAppsScript.Base.Blob {
    return new FakeBlob(this.rt, Buffer.from(this.res.body, 'utf8'), contentType, null) as unknown as GoogleAppsScript.Base.Blob;
  }
  private rawHeaders(): Array<[string, string]> {
    return this.res.rawHeaders ?? Object.entries(this.res.headers);
  }
}

interface Prepared {
  url: string;
  mute: boolean;
  request: SyncHttpRequest;
  record: RecordedRequest;
}

const UNTRACKED = new Set(['reset', 'resetQuota', 'quotaUsed']);

export class FakeUrlFetchApp {
  /** Every request made, oldest first. */
  readonly requests: RecordedRequest[] = [];
  private used = 0;
  private quotaDay: number;

  constructor(
    private readonly rt: Runtime,
    private readonly options: UrlFetchOptions,
  ) {
    this.quotaDay = Math.floor(rt.clock.now() / 86400000);
    return instrument(this, rt, 'UrlFetchApp', null, UNTRACKED);
  }

  /** Test hook: forget recorded requests. */
  reset(): void {
    this.requests.length = 0;
  }
  /** Test hook: start a fresh quota day. */
  resetQuota(): void {
    this.used = 0;
  }
  quotaUsed(): number {
    return this.used;
  }

  fetch(url: string, params?: GOptions): GResponse {
    return this.run([this.prepare(url, params ?? {})])[0];
  }

  fetchAll(requests: Array<GRequest | string>): GResponse[] {
    if (!Array.isArray(requests)) throw this.rt.error("The parameters don't match the method signature for UrlFetchApp.fetchAll.");
    const prepared = requests.map((r) => {
      if (typeof r === 'string') return this.prepare(r, {});
      if (!r || typeof r !== 'object' || typeof r.url !== 'string') throw this.rt.error('Invalid argument: requests');
      const { url, ...params } = r;
      return this.prepare(url, params);
    });
    return this.run(prepared);
  }

  getRequest(url: string, params?: GOptions): object {
    const p = this.prepare(url, params ?? {});
    return { url: p.url, method: p.record.method, headers: { ...p.request.headers }, payload: p.request.body ?? '' };
  }

  private prepare(url: unknown, params: GOptions): Prepared {
    if (typeof url !== 'string' || !/^https?:\/\/[^/]/i.test(url) || !URL_CHARS.test(url)) {
      throw this.rt.error(`Invalid argument: ${String(url)}`);
    }
    if (url.length > MAX_URL_LENGTH) throw this.rt.error('Limit Exceeded: URLFetch URL Length.');
    const wl = this.options.whitelist;
    if (wl && !wl.some((prefix) => url.startsWith(prefix))) {
      throw this.rt.error(`Access to ${url} is not allowed by the script's urlFetchWhitelist.`);
    }
    const method = String(params.method ?? 'get').toLowerCase();
    if (!METHODS.includes(method)) throw this.rt.error(`Invalid argument: method (${String(params.method)})`);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(params.headers ?? {})) headers[k] = String(v);
    let body: string | undefined;
    const payload = params.payload as unknown;
    if (payload !== undefined && payload !== null) {
      if (typeof payload === 'string') body = payload;
      else if (Array.isArray(payload)) body = bytesToBuffer(this.rt, payload).toString('utf8');
      else if (payload instanceof FakeBlob) body = payload.getDataAsString();
      else if (typeof payload === 'object') {
        body = Object.entries(payload as Record<string, unknown>)
          .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
          .join('&');
      } else body = String(payload);
      const hasType = Object.keys(headers).some((k) => k.toLowerCase() === 'content-type');
      if (params.contentType !== undefined || !hasType) {
        for (const k of Object.keys(headers)) if (k.toLowerCase() === 'content-type') delete headers[k];
        headers['Content-Type'] = typeof payload === 'object' && !Array.isArray(payload) && !(payload instanceof FakeBlob)
          ? 'application/x-www-form-urlencoded'
          : params.contentType ?? 'application/x-www-form-urlencoded';
      }
    }
    if (!Object.keys(headers).some((k) => k.toLowerCase() === 'user-agent')) headers['User-Agent'] = USER_AGENT;
    return {
      url,
      mute: !!params.muteHttpExceptions,
      request: {
        method: method.toUpperCase(),
        url,
        headers,
        body,
        timeoutMs: this.options.timeoutMs,
        followRedirects: params.followRedirects !== false,
        insecure: params.validateHttpsCertificates === false,
      },
      record: { url, method, headers, payload: body, status: 0, ms: 0 },
    };
  }

  private run(prepared: Prepared[]): GResponse[] {
    const day = Math.floor(this.rt.clock.now() / 86400000);
    if (day !== this.quotaDay) {
      this.quotaDay = day;
      this.used = 0;
    }
    if (this.used + prepared.length > this.options.dailyQuota) {
      throw this.rt.error('Service invoked too many times for one day: urlfetch.');
    }
    this.used += prepared.length;
    const started = Date.now();
    const responses = syncHttp(prepared.map((p) => p.request));
    const ms = Date.now() - started;
    prepared.forEach((p, i) => {
      const res = responses[i];
      this.requests.push({ ...p.record, status: res.status, ms, ...(res.error ? { error: res.error } : {}) });
    });
    prepared.forEach((p, i) => {
      const res = responses[i];
      if (res.status === 0) {
        if (res.code === 'ETIMEDOUT') throw this.rt.error(`Timeout: ${p.url}`);
        if (res.code === 'ENOTFOUND' || res.code === 'EAI_AGAIN') throw this.rt.error(`DNS error: ${p.url}`);
        throw this.rt.error(`Address unavailable: ${p.url}`);
      }
    });
    prepared.forEach((p, i) => {
      const res = responses[i];
      if (res.status >= 400 && !p.mute) {
        const truncated = res.body.length > 100 ? res.body.slice(0, 100) + '...' : res.body;
        throw this.rt.error(
          `Request failed for ${origin(p.url)} returned code ${res.status}. Truncated server response: ${truncated} (use muteHttpExceptions option to examine full response)`,
        );
      }
    });
    return responses.map((res) => new FakeHTTPResponse(this.rt, res) as unknown as GResponse);
  }
}

/** Apps Script names only scheme and host in "Request failed for ..." (never the path or a query with secrets). */
function origin(url: string): string {
  const m = /^(https?:\/\/[^/?#]+)/i.exec(url);
  return m ? m[1] : url;
}
