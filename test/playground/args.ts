// Command-line flags of `npm start` (the local playground): port, data dir, reset, empty, external emulator, tick.
// Parsed strictly: an unknown flag or a missing value is an error with the usage text.

import { join } from 'path';
import { repoRoot } from '../support/load-bundle';

export interface PlaygroundArgs {
  port: number;
  dataDir: string;
  reset: boolean;
  empty: boolean;
  emulator: string | null;
  key: string | null;
  readOnlyKey: string | null;
  /** Seconds between automatic runs of the scheduler trigger (each run advances the add-on's clock one hour); 0 = off. */
  tick: number;
  /** Skip the dist/ staleness check (tests that built already). */
  noBuild: boolean;
}

export const USAGE = `Usage: npm start -- [--port 8080] [--data-dir .playground-data] [--reset] [--empty]
                   [--emulator http://127.0.0.1:8787 --key KEY [--read-only-key KEY]] [--tick SECONDS] [--no-build]`;

/** A mistake of the user (flags, busy port): printed as its message alone, without a stack; exit code 1. */
export class UsageError extends Error {}

const VALUED = ['port', 'data-dir', 'emulator', 'key', 'read-only-key', 'tick'];
const SWITCHES = ['reset', 'empty', 'no-build', 'help'];

export function parseArgs(argv: string[]): PlaygroundArgs & { help: boolean } {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new UsageError(`unexpected argument: ${a}\n${USAGE}`);
    const [name, inline] = a.slice(2).split(/=(.*)/s, 2);
    if (SWITCHES.includes(name)) {
      raw[name] = 'true';
      continue;
    }
    if (!VALUED.includes(name)) throw new UsageError(`unknown flag: --${name}\n${USAGE}`);
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`missing value for --${name}\n${USAGE}`);
    raw[name] = value;
  }
  const num = (k: string, dflt: number): number => {
    if (raw[k] === undefined) return dflt;
    const n = Number(raw[k]);
    if (!Number.isFinite(n) || n < 0) throw new UsageError(`--${k} needs a number >= 0`);
    return n;
  };
  const port = num('port', 8080);
  if (!Number.isInteger(port) || port > 65535) throw new UsageError('--port needs a whole number from 0 to 65535 (0 = any free port)');
  const emulator = raw.emulator ? raw.emulator.replace(/\/+$/, '') : null;
  if (emulator && !raw.key) throw new UsageError('--emulator needs --key (a read & write key of that emulator)');
  return {
    port,
    dataDir: raw['data-dir'] ?? join(repoRoot, '.playground-data'),
    reset: raw.reset === 'true',
    empty: raw.empty === 'true',
    emulator,
    key: raw.key ?? null,
    readOnlyKey: raw['read-only-key'] ?? null,
    tick: num('tick', 0),
    noBuild: raw['no-build'] === 'true',
    help: raw.help === 'true',
  };
}
