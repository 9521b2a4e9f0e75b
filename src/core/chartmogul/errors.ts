// The one HTTP-status → error-kind table and the typed ChartMogulError every client call throws.
// Messages are short and name the field; the raw body is kept non-enumerable; the API key is redacted everywhere.

import { FieldError, onlyAlreadyExists, parseErrorBody } from './errorBody';

export type { FieldError } from './errorBody';

export type ErrorKind =
  | 'invalid_request' // 400
  | 'unauthorized' // 401
  | 'request_failed' // 402
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'validation' // 422
  | 'rate_limited' // 429
  | 'server' // 5xx
  | 'network' // 0: no HTTP answer
  | 'unexpected_status' // any other non-2xx
  | 'bad_response' // 2xx whose body is not what the endpoint returns
  | 'deadline_exceeded'; // batch item never sent because the caller's deadline arrived first

/** ONE table (chartmogul-node style). 5xx are matched by range in `kindForStatus`. */
export const STATUS_KINDS: Readonly<Record<number, ErrorKind>> = {
  0: 'network',
  400: 'invalid_request',
  401: 'unauthorized',
  402: 'request_failed',
  403: 'forbidden',
  404: 'not_found',
  422: 'validation',
  429: 'rate_limited',
};

const KIND_LABELS: Readonly<Record<ErrorKind, string>> = {
  invalid_request: 'Invalid request',
  unauthorized: 'No valid API key provided',
  request_failed: 'Request failed',
  forbidden: 'Forbidden (read-only key or expired account?)',
  not_found: 'Not found',
  validation: 'Validation failed',
  rate_limited: 'Rate limit exceeded',
  server: 'ChartMogul server error',
  network: 'Network error',
  unexpected_status: 'Unexpected HTTP status',
  bad_response: 'Unexpected response from ChartMogul',
  deadline_exceeded: 'Not sent: the time budget ran out',
};

export function kindForStatus(status: number): ErrorKind {
  const kind = STATUS_KINDS[status];
  if (kind) return kind;
  return status >= 500 && status <= 599 ? 'server' : 'unexpected_status';
}

/** 429, every 5xx (incl. 503 "too many connections") and network failures; never any other 4xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 0 || status === 429 || (status >= 500 && status <= 599);
}

const MAX_FIELDS_IN_MESSAGE = 5;
const MAX_PART_LENGTH = 200;

function clip(text: string): string {
  return text.length > MAX_PART_LENGTH ? text.slice(0, MAX_PART_LENGTH - 1) + '…' : text;
}

/** `currency: Currency is invalid; date: Date is in the future (+2 more)`. */
export function describeFields(fields: FieldError[]): string {
  const parts = fields.slice(0, MAX_FIELDS_IN_MESSAGE).map((f) => clip(f.field ? `${f.field}: ${f.message}` : f.message));
  const more = fields.length > MAX_FIELDS_IN_MESSAGE ? ` (+${fields.length - MAX_FIELDS_IN_MESSAGE} more)` : '';
  return parts.join('; ') + more;
}

/** Replaces every secret (and any `Basic …` credential) by `[REDACTED]`. */
export function redact(text: string, secrets: ReadonlyArray<string>): string {
  let out = text.replace(/Basic\s+[A-Za-z0-9+/=_-]{4,}/g, 'Basic [REDACTED]');
  for (const s of secrets) {
    if (s.length >= 4) out = out.split(s).join('[REDACTED]');
  }
  return out;
}

export interface ChartMogulErrorInit {
  status: number;
  kind?: ErrorKind;
  fields?: FieldError[];
  detail?: string;
  /** Raw response body (or the network error text); stored redacted and non-enumerable. */
  body?: string;
  method?: string;
  path?: string;
  attempts?: number;
  retryable?: boolean;
  alreadyExists?: boolean;
  secrets?: ReadonlyArray<string>;
}

export class ChartMogulError extends Error {
  readonly status: number;
  readonly kind: ErrorKind;
  readonly fields: FieldError[];
  /** A 422 whose only errors are "already exists": callers treat it as "already imported". */
  readonly alreadyExists: boolean;
  readonly retryable: boolean;
  readonly method?: string;
  /** Request path without the query string (queries may carry e-mail addresses). */
  readonly path?: string;
  /** HTTP attempts made (1 = no retry); 0 when never sent. */
  attempts: number;
  /** Raw (redacted) body; non-enumerable and never part of `message`/`toString()`. */
  declare readonly body: string;

  constructor(init: ChartMogulErrorInit) {
    const secrets = init.secrets || [];
    const kind = init.kind || kindForStatus(init.status);
    const fields = (init.fields || []).map((f) => ({ field: redact(f.field, secrets), message: redact(f.message, secrets) }));
    const detail = init.detail !== undefined ? redact(init.detail, secrets) : undefined;
    const generic = init.status > 0 && kind !== 'bad_response' ? `${KIND_LABELS[kind]} (HTTP ${init.status})` : KIND_LABELS[kind];
    const text = fields.length > 0 ? describeFields(fields) : detail ? clip(detail) : generic;
    super(text);
    Object.setPrototypeOf(this, ChartMogulError.prototype);
    this.name = 'ChartMogulError';
    this.status = init.status;
    this.kind = kind;
    this.fields = fields;
    this.alreadyExists = init.alreadyExists !== undefined ? init.alreadyExists : false;
    this.retryable = init.retryable !== undefined ? init.retryable : isRetryableStatus(init.status);
    this.method = init.method;
    this.path = init.path !== undefined ? redact(init.path, secrets) : undefined;
    this.attempts = init.attempts !== undefined ? init.attempts : 1;
    Object.defineProperty(this, 'body', { value: redact(init.body || '', secrets), enumerable: false, writable: false });
  }
}

export interface ErrorContext {
  method?: string;
  path?: string;
  attempts?: number;
  secrets?: ReadonlyArray<string>;
}

/** Builds the error for a non-2xx answer (or status 0 with the transport's `networkError`). */
export function errorFromResponse(status: number, body: string, ctx: ErrorContext = {}, networkError?: string): ChartMogulError {
  if (status === 0) {
    const reason = networkError ? clip(networkError) : undefined;
    return new ChartMogulError({ status, detail: reason ? `Network error: ${reason}` : undefined, body: networkError || '', ...ctx });
  }
  const parsed = parseErrorBody(body);
  const kind = kindForStatus(status);
  return new ChartMogulError({
    status,
    kind,
    fields: parsed.fields,
    detail: parsed.detail,
    body,
    alreadyExists: status === 422 && onlyAlreadyExists(parsed.fields, parsed.detail),
    ...ctx,
  });
}
