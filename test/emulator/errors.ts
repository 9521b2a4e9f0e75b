// Builders for the error bodies the real API sends (reference §4): {code,message,param}, {error}, {errors:{}}.
// Every route builds its failures through these so shapes stay identical across resources.

import type { Answer } from './http-types';

/** `{code, message, param}` — 400 missing/deprecated params, 401, 403, 404 on search. */
export function codeError(status: number, message: string, param: string | null = null): Answer {
  return { status, body: { code: status, message, param } };
}

/** `{"error": "..."}` — 404 on unknown data sources, invoices, … */
export function notFound(message: string): Answer {
  return { status: 404, body: { error: message } };
}

/** `{"errors": {field: "message"}}` — 422 validation on import resources. */
export function unprocessable(errors: Record<string, string>): Answer {
  return { status: 422, body: { errors } };
}

export function missingParam(name: string): Answer {
  return codeError(400, `Parameter "${name}" is missing`, name);
}

export const UNAUTHORIZED: Answer = { status: 401, body: { code: 401, message: 'No valid API key provided', param: null } };

/** Our choice (undocumented upstream): a read-only key attempting a write. */
export const READ_ONLY_FORBIDDEN: Answer = {
  status: 403,
  body: { code: 403, message: 'This API key is read-only and cannot perform write operations', param: null },
};

/** Edge-style plain text bodies, as recorded for 500/504 (ruby Ping cassettes). */
export function plainText(status: number, text: string): Answer {
  return { status, text };
}

export const RATE_LIMITED: Answer = {
  status: 429,
  body: { code: 429, message: 'Your request rate has exceeded our rate limit.', param: null },
};

export const TOO_MANY_CONNECTIONS: Answer = {
  status: 503,
  body: { code: 503, message: 'Too many parallel connections.', param: null },
};

/** Unknown route: the only evidence (python client mock) is a plain "Not found" body. */
export const ROUTE_NOT_FOUND: Answer = { status: 404, text: 'Not found' };
