// The playground's data dir: meta.json (demo end date, emulator keys), the workbook snapshot, the emulator state and
// the dialogs learnt per menu item. --reset removes exactly these files, never anything else in the folder.

import { randomBytes } from 'crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';

export interface Meta {
  createdAt: string;
  /** The demo account's last day (YYYY-MM-DD): the day the data dir was created. */
  endDate: string;
  empty: boolean;
  readWriteKey: string;
  readOnlyKey: string;
  /** The demo data source (set once the seed is written). */
  dataSource?: { uuid: string; name: string };
  /** Which emulator Settings were last set up for: 'own', or `${url} ${key}` of --emulator (absent: 'own'). */
  configuredFor?: string;
}

export interface DataDir {
  root: string;
  meta: string;
  workbook: string;
  emulatorState: string;
  demoSeed: string;
  dialogs: string;
}

const FILES = { meta: 'meta.json', workbook: 'workbook.json', emulatorState: 'emulator-state.json', demoSeed: 'demo-seed.json', dialogs: 'dialogs.json' };

export function dataDir(root: string): DataDir {
  return { root, ...(Object.fromEntries(Object.entries(FILES).map(([k, f]) => [k, join(root, f)])) as Omit<DataDir, 'root'>) };
}

export function resetDataDir(dir: DataDir): void {
  for (const key of Object.keys(FILES) as Array<keyof typeof FILES>) rmSync(dir[key], { force: true });
}

/** Writes through a temporary file and a rename, so a crash never leaves half a file. */
export function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

export function readJson<T>(path: string): T | null {
  if (!existsSync(path)) return null;
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** The existing meta.json, or a new one (today as the demo's end date, fresh keys) when the data dir is new. */
export function loadOrCreateMeta(dir: DataDir, empty: boolean, now = new Date()): { meta: Meta; fresh: boolean } {
  mkdirSync(dir.root, { recursive: true });
  const existing = readJson<Meta>(dir.meta);
  if (existing) return { meta: existing, fresh: false };
  const meta: Meta = {
    createdAt: now.toISOString(),
    endDate: now.toISOString().slice(0, 10),
    empty,
    readWriteKey: 'pg_rw_' + randomBytes(12).toString('hex'),
    readOnlyKey: 'pg_ro_' + randomBytes(12).toString('hex'),
  };
  writeAtomic(dir.meta, JSON.stringify(meta, null, 2));
  return { meta, fresh: true };
}
