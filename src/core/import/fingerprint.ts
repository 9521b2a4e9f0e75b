// Stable fingerprints of payloads for idempotent re-imports: 64-bit FNV-1a over the UTF-8 bytes of a canonical
// JSON (object keys sorted, undefined dropped, array order kept), as 16 hex digits. Pure JS, no BigInt.

/** JSON with object keys sorted at every level; `undefined` members are dropped like JSON.stringify does. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const s = JSON.stringify(value);
    return s === undefined ? 'null' : s;
  }
  if (Array.isArray(value)) return '[' + value.map((v) => canonicalJson(v === undefined ? null : v)).join(',') + ']';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonicalJson(obj[k])).join(',') + '}';
}

/** 64-bit FNV-1a of a string's UTF-8 bytes, 16 lower-case hex digits. Works on four 16-bit limbs (no BigInt in es2019). */
export function fnv1a64(text: string): string {
  // offset basis 0xcbf29ce484222325, limbs little-endian
  let h0 = 0x2325, h1 = 0x8422, h2 = 0x9ce4, h3 = 0xcbf2;
  const step = (b: number): void => {
    h0 ^= b;
    // h *= 0x100000001b3  ==  h * 0x1b3 + (h << 40)   (mod 2^64)
    let t0 = h0 * 0x1b3;
    let t1 = h1 * 0x1b3;
    let t2 = h2 * 0x1b3 + (h0 << 8);
    let t3 = h3 * 0x1b3 + (h1 << 8);
    t1 += t0 >>> 16;
    t0 &= 0xffff;
    t2 += t1 >>> 16;
    t1 &= 0xffff;
    t3 += t2 >>> 16;
    t2 &= 0xffff;
    h0 = t0; h1 = t1; h2 = t2; h3 = t3 & 0xffff;
  };
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      step(c);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c < 0x800) {
      step(0xc0 | (c >> 6));
    } else if (c < 0x10000) {
      step(0xe0 | (c >> 12));
      step(0x80 | ((c >> 6) & 63));
    } else {
      step(0xf0 | (c >> 18));
      step(0x80 | ((c >> 12) & 63));
      step(0x80 | ((c >> 6) & 63));
    }
    step(0x80 | (c & 63));
  }
  const hex = (n: number): string => ('000' + n.toString(16)).slice(-4);
  return hex(h3) + hex(h2) + hex(h1) + hex(h0);
}

/** Same payload → same fingerprint regardless of key order; any change of a value → a different one. */
export function fingerprint(payload: unknown): string {
  return fnv1a64(canonicalJson(payload));
}
