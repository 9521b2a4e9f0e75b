// The demo account (seed 11) as an emulator behind the acceptance tests, plus an HTTP oracle: the emulator's own
// API answers, fetched directly, against which formulas and reports are compared. Also zone-aware date helpers.

import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { generateDemo } from '../demo/generator';
import { toEmulatorState } from '../demo/views';
import { startEmulatorProcess, type EmulatorProcess } from '../support/emulator-process';

/** The model's last day; the emulator's "now" is frozen at noon of it. */
export const END = '2026-10-15';

/** Starts the emulator with the demo account; every 3rd customer gets custom keys with digits and hyphens. */
export async function startDemoEmulator(): Promise<EmulatorProcess> {
  const state = toEmulatorState(generateDemo({ seed: 11, endDate: new Date(END + 'T00:00:00Z') }));
  state.customers.forEach((c, i) => {
    if (i % 3 !== 0) return;
    c.custom.plan2 = { type: 'String', value: i % 2 ? 'gold' : 'silver', source: 'API' };
    c.custom['sales-rep'] = { type: 'String', value: i % 4 ? 'ann' : 'bob', source: 'API' };
  });
  const file = join(mkdtempSync(join(tmpdir(), 'cm-acceptance-')), 'seed.json');
  writeFileSync(file, JSON.stringify(state));
  const emu = await startEmulatorProcess({ seedFile: file, args: ['--rate-limit', '0', '--max-concurrent', '0'] });
  const res = await fetch(emu.url + '/_emulator/clock', {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now: END + 'T12:00:00Z' }),
  });
  if (!res.ok) throw new Error('could not freeze the emulator clock');
  return emu;
}

export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** GET an API path (with query) as the oracle; throws on non-2xx. */
export async function api(emu: EmulatorProcess, pathAndQuery: string): Promise<Json> {
  const res = await fetch(emu.url + pathAndQuery, { headers: { authorization: 'Basic ' + Buffer.from(emu.readOnlyKey + ':').toString('base64') } });
  if (!res.ok) throw new Error(`${pathAndQuery}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Json;
}

/** Every item of a cursor-paginated list. */
export async function apiAll(emu: EmulatorProcess, pathAndQuery: string, key = 'entries'): Promise<Json[]> {
  const out: Json[] = [];
  let cursor: string | null = null;
  for (;;) {
    const sep = pathAndQuery.indexOf('?') >= 0 ? '&' : '?';
    const page: Json = await api(emu, pathAndQuery + sep + 'per_page=200' + (cursor ? '&cursor=' + encodeURIComponent(cursor) : ''));
    out.push(...(page[key] as Json[]));
    if (!page.has_more) return out;
    cursor = page.cursor as string;
  }
}

export function wallTime(ms: number, tz: string): string {
  return new Date(ms).toLocaleString('sv-SE', { timeZone: tz });
}

/** Epoch ms of midnight of `day` in `tz` (what Sheets passes for a date cell). */
export function midnightMs(day: string, tz: string): number {
  const utc = Date.parse(day + 'T00:00:00Z');
  for (let m = -15 * 60; m <= 15 * 60; m += 15) {
    const ms = utc + m * 60000;
    if (wallTime(ms, tz) === day + ' 00:00:00') return ms;
  }
  throw new Error(`no midnight of ${day} in ${tz}`);
}

/** YYYY-MM-DD plus n days. */
export function plusDays(day: string, n: number): string {
  return new Date(Date.parse(day + 'T00:00:00Z') + n * 86400000).toISOString().slice(0, 10);
}
