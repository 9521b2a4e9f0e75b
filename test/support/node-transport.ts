// HttpTransport for Node tests and tools (e.g. the client against the emulator), over the synchronous syncHttp.
// Mirrors the UrlFetchApp adapter: lower-case header names, status 0 + networkError when there is no HTTP answer.

import { HttpRequest, HttpResponse, HttpTransport } from '../../src/core/ports';
import { syncHttp, SyncHttpRequest, SyncHttpResponse } from './sync-http';

export type SyncHttpFn = (requests: SyncHttpRequest[]) => SyncHttpResponse[];

export interface NodeTransportOptions {
  /** Per-request timeout (default 30 s, like syncHttp). */
  timeoutMs?: number;
  /** Follow redirects like UrlFetchApp does by default (default true). */
  followRedirects?: boolean;
  /** Replaces syncHttp (unit tests of this adapter). */
  http?: SyncHttpFn;
  /** Sees every exchange, e.g. to record what a test sent. */
  onExchange?: (request: HttpRequest, response: HttpResponse) => void;
}

function toSyncRequest(req: HttpRequest, options: NodeTransportOptions): SyncHttpRequest {
  return {
    method: req.method.toUpperCase(),
    url: req.url,
    headers: { ...req.headers },
    body: req.body,
    timeoutMs: options.timeoutMs,
    followRedirects: options.followRedirects !== false,
  };
}

function toResponse(res: SyncHttpResponse | undefined): HttpResponse {
  if (!res) return { status: 0, headers: {}, body: '', networkError: 'No response from syncHttp' };
  const headers: Record<string, string> = {};
  for (const name of Object.keys(res.headers || {})) headers[name.toLowerCase()] = res.headers[name];
  const out: HttpResponse = { status: res.status, headers, body: res.body || '' };
  if (res.status === 0) out.networkError = res.error || res.code || 'No HTTP answer';
  return out;
}

export class NodeTransport implements HttpTransport {
  private readonly http: SyncHttpFn;

  constructor(private readonly options: NodeTransportOptions = {}) {
    this.http = options.http || syncHttp;
  }

  send(request: HttpRequest): HttpResponse {
    return this.sendAll([request])[0];
  }

  sendAll(requests: HttpRequest[]): HttpResponse[] {
    if (requests.length === 0) return [];
    let raw: SyncHttpResponse[];
    try {
      raw = this.http(requests.map((r) => toSyncRequest(r, this.options)));
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      raw = requests.map(() => ({ status: 0, headers: {}, body: '', error: message }));
    }
    const responses = requests.map((_r, i) => toResponse(raw[i]));
    if (this.options.onExchange) requests.forEach((r, i) => this.options.onExchange!(r, responses[i]));
    return responses;
  }
}
