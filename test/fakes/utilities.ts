// Utilities fake: sleep on the virtual clock, base64, blobs, Java-style formatDate, signed-byte digests/HMACs, UUIDs.
// Byte arrays are signed (-128..127) exactly like Apps Script's Byte[].

import { createHash, createHmac, randomUUID } from 'crypto';
import { format as nodeFormat } from 'util';
import { Runtime, dateMs, instrument, isDate } from './runtime';
import { formatJavaDate, isValidTimeZone } from './timezone';

type GBlob = GoogleAppsScript.Base.Blob;

export const Charset = { US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' } as const;
export const DigestAlgorithm = { MD2: 'MD2', MD5: 'MD5', SHA_1: 'SHA_1', SHA_256: 'SHA_256', SHA_384: 'SHA_384', SHA_512: 'SHA_512' } as const;
export const MacAlgorithm = { HMAC_MD5: 'HMAC_MD5', HMAC_SHA_1: 'HMAC_SHA_1', HMAC_SHA_256: 'HMAC_SHA_256', HMAC_SHA_384: 'HMAC_SHA_384', HMAC_SHA_512: 'HMAC_SHA_512' } as const;

const NODE_HASH: Record<string, string> = { MD2: 'md2', MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_384: 'sha384', SHA_512: 'sha512' };
export const MAX_SLEEP_MS = 300000;

export function toSignedBytes(buf: Uint8Array): number[] {
  return Array.from(buf, (b) => (b > 127 ? b - 256 : b));
}

function encodingOf(charset: unknown): BufferEncoding {
  if (charset === undefined || String(charset) === 'UTF_8') return 'utf8';
  if (String(charset) === 'US_ASCII') return 'latin1';
  throw new Error(`Invalid argument: charset (${String(charset)})`);
}

export class FakeBlob implements Pick<GBlob, 'getDataAsString' | 'getContentType' | 'getName'> {
  constructor(
    private readonly rt: Runtime,
    private data: Buffer,
    private contentType: string | null,
    private name: string | null,
  ) {
    return instrument(this, rt, 'Utilities', 'Blob');
  }
  private get _self(): GBlob {
    return this as unknown as GBlob;
  }
  getBytes(): number[] {
    return toSignedBytes(this.data);
  }
  getDataAsString(charset?: string): string {
    return this.data.toString(encodingOf(charset));
  }
  setDataFromString(string: string, charset?: string): GBlob {
    this.data = Buffer.from(String(string), encodingOf(charset));
    return this._self;
  }
  setBytes(data: number[]): GBlob {
    this.data = bytesToBuffer(this.rt, data);
    return this._self;
  }
  getContentType(): string {
    return this.contentType as string;
  }
  setContentType(contentType: string | null): GBlob {
    this.contentType = contentType;
    return this._self;
  }
  getName(): string {
    return this.name as string;
  }
  setName(name: string): GBlob {
    this.name = name;
    return this._self;
  }
  copyBlob(): GBlob {
    return new FakeBlob(this.rt, Buffer.from(this.data), this.contentType, this.name) as unknown as GBlob;
  }
  isGoogleType(): boolean {
    return false;
  }
}

export function bytesToBuffer(rt: Runtime, bytes: unknown): Buffer {
  if (!Array.isArray(bytes) || !bytes.every((b) => typeof b === 'number' && Number.isInteger(b) && b >= -128 && b <= 255)) {
    throw rt.error('Invalid argument: bytes');
  }
  return Buffer.from(bytes.map((b: number) => b & 255));
}

export class FakeUtilities {
  readonly Charset = Charset;
  readonly DigestAlgorithm = DigestAlgorithm;
  readonly MacAlgorithm = MacAlgorithm;

  constructor(private readonly rt: Runtime) {
    return instrument(this, rt, 'Utilities', null);
  }

  sleep(milliseconds: number): void {
    if (typeof milliseconds !== 'number' || !(milliseconds >= 0) || milliseconds > MAX_SLEEP_MS) {
      throw this.rt.error(`Invalid argument: milliseconds (${String(milliseconds)}). The maximum is ${MAX_SLEEP_MS}.`);
    }
    this.rt.clock.advance(Math.trunc(milliseconds));
  }

  private input(value: unknown, charset?: unknown): Buffer {
    if (typeof value === 'string') return Buffer.from(value, this.enc(charset));
    return bytesToBuffer(this.rt, value);
  }
  private enc(charset: unknown): BufferEncoding {
    try {
      return encodingOf(charset);
    } catch (e) {
      throw this.rt.error((e as Error).message);
    }
  }

  base64Encode(data: string | number[], charset?: string): string {
    return this.input(data, charset).toString('base64');
  }
  base64EncodeWebSafe(data: string | number[], charset?: string): string {
    return this.input(data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }
  base64Decode(encoded: string, _charset?: string): number[] {
    return toSignedBytes(this.decode(encoded, /^[A-Za-z0-9+/]*={0,2}$/));
  }
  base64DecodeWebSafe(encoded: string, _charset?: string): number[] {
    return toSignedBytes(this.decode(String(encoded).replace(/-/g, '+').replace(/_/g, '/'), /^[A-Za-z0-9+/]*={0,2}$/));
  }
  private decode(encoded: unknown, alphabet: RegExp): Buffer {
    const text = String(encoded).replace(/\s+/g, '');
    if (typeof encoded !== 'string' || !alphabet.test(text)) throw this.rt.error('Could not decode string.');
    return Buffer.from(text, 'base64');
  }

  newBlob(data: string | number[], contentType?: string, name?: string): GBlob {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : bytesToBuffer(this.rt, data ?? []);
    return new FakeBlob(this.rt, buf, contentType ?? null, name ?? null) as unknown as GBlob;
  }

  formatDate(date: Date, timeZone: string, format: string): string {
    if (!isDate(date) || isNaN(dateMs(date))) throw this.rt.error(`The parameters (${typeof date},${typeof timeZone},${typeof format}) don't match the method signature for Utilities.formatDate.`);
    if (!isValidTimeZone(timeZone)) throw this.rt.error(`Invalid argument: timeZone (${String(timeZone)})`);
    try {
      return formatJavaDate(dateMs(date), timeZone, String(format));
    } catch (e) {
      throw this.rt.error(`Invalid argument: format. ${(e as Error).message}`);
    }
  }

  computeDigest(algorithm: string, value: string | number[], charset?: string): number[] {
    const name = NODE_HASH[String(algorithm)];
    if (!name) throw this.rt.error(`Invalid argument: algorithm (${String(algorithm)})`);
    let hash;
    try {
      hash = createHash(name);
    } catch {
      throw this.rt.error(`Digest algorithm ${String(algorithm)} is not available in this fake (Node's OpenSSL lacks it).`);
    }
    return toSignedBytes(hash.update(this.input(value, charset)).digest());
  }

  computeHmacSignature(algorithm: string, value: string | number[], key: string | number[], charset?: string): number[] {
    const name = NODE_HASH[String(algorithm).replace(/^HMAC_/, '')];
    if (!name || !String(algorithm).startsWith('HMAC_')) throw this.rt.error(`Invalid argument: algorithm (${String(algorithm)})`);
    return toSignedBytes(createHmac(name, this.input(key, charset)).update(this.input(value, charset)).digest());
  }

  computeHmacSha256Signature(value: string | number[], key: string | number[], charset?: string): number[] {
    return this.computeHmacSignature('HMAC_SHA_256', value, key, charset);
  }

  getUuid(): string {
    return randomUUID();
  }

  /** Java-like printf subset: %s %d %i %f %.2f %5.1f %05d %x %X %o %e %b %%. */
  formatString(template: string, ...args: unknown[]): string {
    let i = 0;
    return String(template).replace(/%([-+0 #]*)(\d+)?(?:\.(\d+))?([sdifxXoeEbS%])/g, (_m, flags: string, width?: string, precision?: string, conv?: string) => {
      if (conv === '%') return '%';
      const arg = args[i++];
      let out: string;
      switch (conv) {
        case 'd':
        case 'i':
          out = String(Math.trunc(Number(arg)));
          break;
        case 'f':
          out = Number(arg).toFixed(precision === undefined ? 6 : Number(precision));
          break;
        case 'e':
        case 'E':
          out = Number(arg).toExponential(precision === undefined ? 6 : Number(precision));
          if (conv === 'E') out = out.toUpperCase();
          break;
        case 'x':
        case 'X':
          out = Math.trunc(Number(arg)).toString(16);
          if (conv === 'X') out = out.toUpperCase();
          break;
        case 'o':
          out = Math.trunc(Number(arg)).toString(8);
          break;
        case 'b':
          out = String(!!arg);
          break;
        default:
          out = typeof arg === 'string' ? arg : nodeFormat('%s', arg);
          if (precision !== undefined) out = out.slice(0, Number(precision));
          if (conv === 'S') out = out.toUpperCase();
      }
      if (flags.includes('+') && /[dif]/.test(conv as string) && Number(arg) >= 0) out = '+' + out;
      const w = width === undefined ? 0 : Number(width);
      if (out.length < w) {
        if (flags.includes('-')) out = out.padEnd(w);
        else if (flags.includes('0') && /[difxXoeE]/.test(conv as string)) {
          const sign = /^[+-]/.test(out) ? out[0] : '';
          out = sign + out.slice(sign.length).padStart(w - sign.length, '0');
        } else out = out.padStart(w);
      }
      return out;
    });
  }
}
