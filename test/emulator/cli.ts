// Command line entry of the emulator: `npm run emulator -- --port 8787 [--key K] [--read-only-key K] [--seed f]
// [--state-file f] [--latency ms] [--error-rate-429|500|503|504 p] [--drop-rate p] [--rate-limit n] … (docs/emulator.md).

import { existsSync, readFileSync } from 'fs';
import { saveState } from './persistence';
import { startEmulator, type EmulatorOptions } from './server';

const NUMERIC = [
  'port', 'latency', 'error-rate-429', 'error-rate-500', 'error-rate-503', 'error-rate-504', 'drop-rate', 'rate-limit',
  'max-concurrent', 'slow', 'fault-seed',
];
const TEXT = ['key', 'read-only-key', 'seed', 'state-file'];

export function parseArgs(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`unexpected argument: ${a}`);
    const [name, inline] = a.slice(2).split('=', 2);
    if (!NUMERIC.includes(name) && !TEXT.includes(name)) throw new Error(`unknown flag: --${name}`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`missing value for --${name}`);
    if (NUMERIC.includes(name) && Number.isNaN(Number(value))) throw new Error(`--${name} needs a number`);
    out[name] = value;
  }
  return out;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const n = (k: string) => (args[k] === undefined ? undefined : Number(args[k]));
  const stateFile = args['state-file'];
  const seed = stateFile && existsSync(stateFile) ? stateFile : args.seed;
  const options: EmulatorOptions = {
    port: n('port') ?? 8787,
    readWriteKeys: args.key ? [args.key] : undefined,
    readOnlyKeys: args['read-only-key'] ? [args['read-only-key']] : undefined,
    seed,
    latencyMs: n('latency'),
    slowMs: n('slow'),
    dropRate: n('drop-rate'),
    rateLimit: n('rate-limit'),
    maxConcurrent: n('max-concurrent'),
    errorRates: { 429: n('error-rate-429'), 500: n('error-rate-500'), 503: n('error-rate-503'), 504: n('error-rate-504') },
    faultSeed: n('fault-seed'),
    onWrite: stateFile ? (state) => saveState(state, stateFile) : undefined,
  };
  const emu = await startEmulator(options);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    if (stateFile) saveState(emu.state, stateFile);
    await emu.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  process.on('SIGHUP', () => void stop());
  watchLauncher(() => void stop());
  // Printed only once the signal handlers are in place: a client may stop us as soon as it has read the keys.
  process.stdout.write(
    `ChartMogul emulator listening on ${emu.url}\nread & write key: ${emu.readWriteKey}\nread-only key: ${emu.readOnlyKey}\n`,
  );
}

/** Parent pid of `pid` from /proc (Linux); null elsewhere or when the process is gone. */
function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/**
 * `npm run emulator` starts npm → sh → tsx → node. A SIGTERM sent to npm kills sh but never reaches tsx, which
 * would leave the server (and its port) running as an orphan. So stop when our parent, or the process that launched
 * our tsx parent, goes away.
 */
function watchLauncher(stop: () => void): void {
  const parent = process.ppid;
  const grand = parentOf(parent);
  const timer = setInterval(() => {
    if (process.ppid !== parent || (grand !== null && grand > 1 && parentOf(parent) !== grand)) stop();
  }, 500);
  timer.unref();
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`emulator: ${(e as Error).message}\n`);
    process.exit(1);
  });
}
