// Standard base64 (RFC 4648, with padding) of a string's UTF-8 bytes, for the Basic auth header.
// Pure replacement for btoa/Buffer, neither of which exists in the Apps Script runtime.

import { utf8Bytes } from './utf8';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64Encode(text: string): string {
  const bytes = utf8Bytes(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i];
    const b1 = i + 1 < bytes.length ? bytes[i + 1] : -1;
    const b2 = i + 2 < bytes.length ? bytes[i + 2] : -1;
    const n = (b0 << 16) | ((b1 < 0 ? 0 : b1) << 8) | (b2 < 0 ? 0 : b2);
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
    out += b1 < 0 ? '=' : ALPHABET[(n >> 6) & 63];
    out += b2 < 0 ? '=' : ALPHABET[n & 63];
  }
  return out;
}
