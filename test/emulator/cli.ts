// Command line entry of the emulator: `npm run emulator -- --port 8787 [--key K] [--read-only-key K] [--seed f]
// [--state-file f] [--latency ms] [--error-rate-429 p] [--error-rate-500 p] [--error-rate-503 p] [--drop-rate p] …`.

import { existsSync } from 'fs';
import { saveState } from './persistence';
import { startEmulator, type EmulatorOptions } from './server';

const NUMERIC = ['port', 'latency', 'error-rate-429', 'error-rate-500', 'error-rate-503', 'drop-rate', 'rate-limit', 'max-concurrent', 'slow'];
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
    errorRates: { 429: n('error-rate-429'), 500: n('error-rate-500'), 503: n('error-rate-503') },
    onWrite: stateFile ? (state) => saveState(state, stateFile) : undefined,
  };
  const emu = await startEmulator(options);
  process.stdout.write(
    `ChartMogul emulator listening on ${emu.url}\nread & write key: ${emu.readWriteKey}\nread-only key: ${emu.readOnlyKey}\n`,
  );
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
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`emulator: ${(e as Error).message}\n`);
    process.exit(1);
  });
}
