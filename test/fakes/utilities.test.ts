// Tests of the Utilities fake: Java-style formatDate across zones and DST, signed-byte digests, base64, blobs, sleep.
// Digests are compared with Node's crypto to prove the signed-byte conversion.

import { createHash, createHmac } from 'crypto';
import { createGasEnvironment } from './index';

function utils(now = () => Date.UTC(2024, 0, 1)) {
  const env = createGasEnvironment({ now });
  return { env, U: env.globals.Utilities as GoogleAppsScript.Utilities.Utilities };
}

const signed = (buf: Buffer) => Array.from(buf, (b) => (b > 127 ? b - 256 : b));

describe('Utilities.formatDate', () => {
  const d = new Date(Date.UTC(2024, 2, 31, 0, 30, 5, 7)); // Sunday; Berlin switched to CEST at 01:00 UTC

  it('honours the time zone, including both sides of a DST switch', () => {
    const { U } = utils();
    expect(U.formatDate(d, 'Europe/Berlin', 'yyyy-MM-dd HH:mm:ss Z')).toBe('2024-03-31 01:30:05 +0100');
    const after = new Date(d.getTime() + 3600000);
    expect(U.formatDate(after, 'Europe/Berlin', 'yyyy-MM-dd HH:mm:ss XXX')).toBe('2024-03-31 03:30:05 +02:00');
    expect(U.formatDate(d, 'America/New_York', 'yyyy-MM-dd HH:mm z')).toBe('2024-03-30 20:30 EDT');
    expect(U.formatDate(d, 'Etc/UTC', "yyyy-MM-dd'T'HH:mm:ss.SSSXXX")).toBe('2024-03-31T00:30:05.007Z');
    expect(U.formatDate(d, 'Asia/Kolkata', 'HH:mm XXX')).toBe('06:00 +05:30');
    expect(U.formatDate(d, 'GMT+2', 'HH:mm')).toBe('02:30');
  });

  it('supports the Java pattern letters', () => {
    const { U } = utils();
    expect(U.formatDate(d, 'Europe/Berlin', 'EEE EEEE d MMM MMMM yy h:mm a')).toBe('Sun Sunday 31 Mar March 24 1:30 AM');
    expect(U.formatDate(d, 'Europe/Berlin', 'z zzzz')).toBe('CET Central European Standard Time');
    expect(U.formatDate(d, 'Europe/Berlin', "'quoted ''text''' H")).toBe("quoted 'text' 1");
  });

  it('throws on a bad zone or pattern letter', () => {
    const { U } = utils();
    expect(() => U.formatDate(d, 'Mars/Olympus', 'yyyy')).toThrow(/Invalid argument: timeZone/);
    expect(() => U.formatDate(d, 'Etc/UTC', 'yyyy-qq')).toThrow(/Illegal pattern character 'q'/);
    expect(() => U.formatDate('2024-01-01' as unknown as Date, 'Etc/UTC', 'yyyy')).toThrow(/don't match/);
  });
});

describe('digests and base64', () => {
  it('computeDigest returns signed bytes equal to Node crypto', () => {
    const { U } = utils();
    const A = U.DigestAlgorithm;
    expect(U.computeDigest(A.SHA_256, 'héllo')).toEqual(signed(createHash('sha256').update('héllo', 'utf8').digest()));
    expect(U.computeDigest(A.MD5, 'abc')).toEqual(signed(createHash('md5').update('abc').digest()));
    const digest = U.computeDigest(A.SHA_1, 'abc');
    expect(digest.some((b) => b < 0)).toBe(true);
    expect(digest.every((b) => b >= -128 && b <= 127)).toBe(true);
    expect(U.computeDigest(A.SHA_256, [-1, 0, 1])).toEqual(signed(createHash('sha256').update(Buffer.from([255, 0, 1])).digest()));
    expect(U.computeHmacSha256Signature('msg', 'key')).toEqual(signed(createHmac('sha256', 'key').update('msg').digest()));
  });

  it('base64 encodes strings and signed bytes and decodes to signed bytes', () => {
    const { U } = utils();
    expect(U.base64Encode('sk_live:')).toBe(Buffer.from('sk_live:').toString('base64'));
    expect(U.base64Encode([-1, -2, 0])).toBe('//4A');
    expect(U.base64EncodeWebSafe([-1, -2, 0])).toBe('__4A');
    expect(U.base64Decode('//4A')).toEqual([-1, -2, 0]);
    expect(U.newBlob(U.base64Decode(U.base64Encode('héllo'))).getDataAsString()).toBe('héllo');
    expect(() => U.base64Decode('not base64!')).toThrow('Could not decode string.');
  });

  it('newBlob keeps bytes, type and name', () => {
    const { U } = utils();
    const blob = U.newBlob('abc', 'text/plain', 'a.txt');
    expect([blob.getDataAsString(), blob.getContentType(), blob.getName(), blob.getBytes()]).toEqual(['abc', 'text/plain', 'a.txt', [97, 98, 99]]);
  });
});

describe('sleep, uuid, formatString', () => {
  it('sleep advances the virtual clock without blocking; more than 5 minutes throws', () => {
    const { env, U } = utils();
    const before = env.clock.now();
    const started = Date.now();
    U.sleep(120000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(env.clock.now() - before).toBe(120000);
    expect(() => U.sleep(300001)).toThrow(/Invalid argument: milliseconds/);
  });

  it('getUuid and formatString', () => {
    const { U } = utils();
    expect(U.getUuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(U.formatString('%s has %d rows (%.1f%%) %05d', 'Data', 3.7, 12.345, 42)).toBe('Data has 3 rows (12.3%) 00042');
  });
});
