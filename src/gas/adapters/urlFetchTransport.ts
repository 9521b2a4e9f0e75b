// HttpTransport over Apps Script's UrlFetchApp: fetch for one request, fetchAll for parallel waves.
// HTTP errors come back as responses (muteHttpExceptions); thrown fetches become status 0 without credentials.

import { HttpRequest, HttpResponse, HttpTransport } from '../../core/ports';

export type UrlFetchLike = Pick<GoogleAppsScript.URL_Fetch.UrlFetchApp, 'fetch' | 'fetchAll'>;

const MAX_ERROR_LENGTH = 300;

/** Removes `user:password@` from any URL in a message and any Basic credential; clips the result. */
export function scrubNetworkError(message: string): string {
  const text = message
    .replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi, '$1[REDACTED]@')
    .replace(/Basic\s+[A-Za-z0-9+/=_-]{4,}/g, 'Basic [REDACTED]');
  return text.length > MAX_ERROR_LENGTH ? text.slice(0, MAX_ERROR_LENGTH - 1) + '…' : text;
}

function toOptions(req: HttpRequest): GoogleAppsScript.URL_Fetch.URLFetchRequest {
  const headers: Record<string, string> = {};
  let contentType: string | undefined;
  for (const name of Object.keys(req.headers)) {
    if (name.toLowerCase() === 'content-type') contentType = req.headers[name];
    else headers[name] = req.headers[name];
  }
  const options: GoogleAppsScript.URL_Fetch.URLFetchRequest = {
    url: req.url,
    method: req.method,
    headers,
    muteHttpExceptions: true,
    followRedirects: true,
    // The core already percent-encodes the URL (RFC 3986); don't let UrlFetchApp encode it again.
    escaping: false,
  };
  if (req.body !== undefined) {
    options.payload = req.body;
    options.contentType = contentType || 'application/json';
  }
  return options;
}

function lowerCaseHeaders(raw: object): Record<string, string> {
  const out: Record<string, string> = {};
  const map = raw as Record<string, unknown>;
  for (const name of Object.keys(map || {})) {
    const v = map[name];
    out[name.toLowerCase()] = Array.isArray(v) ? v.map(String).join(', ') : String(v);
  }
  return out;
}

function fromResponse(res: GoogleAppsScript.URL_Fetch.HTTPResponse): HttpResponse {
  return { status: res.getResponseCode(), headers: lowerCaseHeaders(res.getAllHeaders()), body: res.getContentText('UTF-8') };
}

function networkFailure(e: unknown): HttpResponse {
  const message = e instanceof Error ? e.message : String(e);
  return { status: 0, headers: {}, body: '', networkError: scrubNetworkError(message || 'Request failed') };
}

export class UrlFetchTransport implements HttpTransport {
  private readonly fetchApp: UrlFetchLike;

  constructor(fetchApp?: UrlFetchLike) {
    this.fetchApp = fetchApp || UrlFetchApp;
  }

  send(req: HttpRequest): HttpResponse {
    const { url, ...options } = toOptions(req);
    try {
      return fromResponse(this.fetchApp.fetch(url, options));
    } catch (e) {
      return networkFailure(e);
    }
  }

  /**
   * fetchAll; if it throws (one dead connection fails the whole call), each request is fetched on its own so the
   * other answers are not lost. Writes may then reach ChartMogul twice; "already exists" 422s cover re-sent imports.
   */
  sendAll(reqs: HttpRequest[]): HttpResponse[] {
    if (reqs.length === 0) return [];
    let responses: GoogleAppsScript.URL_Fetch.HTTPResponse[];
    try {
      responses = this.fetchApp.fetchAll(reqs.map(toOptions));
    } catch (_e) {
      return reqs.map((r) => this.send(r));
    }
    // A missing answer is reported, not re-sent: the request may have reached ChartMogul.
    return reqs.map((_r, i) => (responses[i] ? fromResponse(responses[i]) : networkFailure('No response from fetchAll')));
  }
}
