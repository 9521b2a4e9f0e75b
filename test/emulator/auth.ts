// HTTP Basic authentication like the real API: the API key is the user name, the password is ignored.
// Unknown/missing key → 401 {code,message,param}; a read-only key on POST/PUT/PATCH/DELETE → 403 (our body choice).

import { randomBytes } from 'crypto';
import { READ_ONLY_FORBIDDEN, UNAUTHORIZED } from './errors';
import type { Answer } from './http-types';

export interface KeySet {
  readWrite: string[];
  readOnly: string[];
}

export function generateKey(): string {
  return randomBytes(16).toString('hex');
}

/** The key from an `Authorization: Basic …` header, or null. */
export function keyFromHeader(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^Basic\s+(.+)$/i.exec(header.trim());
  if (!m) return null;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const key = colon >= 0 ? decoded.slice(0, colon) : decoded;
  return key === '' ? null : key;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** null when the request may proceed, otherwise the 401/403 answer. */
export function authorize(keys: KeySet, header: string | undefined, method: string): Answer | null {
  const key = keyFromHeader(header);
  if (key !== null && keys.readWrite.includes(key)) return null;
  if (key !== null && keys.readOnly.includes(key)) return WRITES.has(method) ? READ_ONLY_FORBIDDEN : null;
  return UNAUTHORIZED;
}
