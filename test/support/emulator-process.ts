// Runs the emulator CLI in a child process (`node --import tsx test/emulator/cli.ts --port 0 …`) for tests whose
// HTTP calls block the main thread (the synchronous UrlFetchApp fake) and so cannot reach an in-process server.

import { spawn } from 'child_process';
import { join } from 'path';

export interface EmulatorProcessOptions {
  /** Extra CLI flags, e.g. ['--latency', '50']. */
  args?: string[];
  key?: string;
  readOnlyKey?: string;
  seedFile?: string;
  stateFile?: string;
  /** How long to wait for the "listening" lines (default 20 s). */
  startTimeoutMs?: number;
}

export interface EmulatorProcess {
  url: string;
  readWriteKey: string;
  readOnlyKey: string;
  pid: number;
  /** Resolves with the exit code (null when killed by a signal) once the process has ended. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

const REPO_ROOT = join(__dirname, '..', '..');

export function startEmulatorProcess(opts: EmulatorProcessOptions = {}): Promise<EmulatorProcess> {
  const args = ['--import', 'tsx', join('test', 'emulator', 'cli.ts'), '--port', '0', ...(opts.args ?? [])];
  if (opts.key) args.push('--key', opts.key);
  if (opts.readOnlyKey) args.push('--read-only-key', opts.readOnlyKey);
  if (opts.seedFile) args.push('--seed', opts.seedFile);
  if (opts.stateFile) args.push('--state-file', opts.stateFile);
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`emulator did not start in time.\nstdout: ${out}\nstderr: ${err}`));
    }, opts.startTimeoutMs ?? 20000);
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const onEarlyExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`emulator exited with ${code} before starting.\nstderr: ${err}`));
    };
    child.once('exit', onEarlyExit);
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const url = /ChartMogul emulator listening on (\S+)/.exec(out)?.[1];
      const rw = /read & write key: (\S+)/.exec(out)?.[1];
      const ro = /read-only key: (\S+)/.exec(out)?.[1];
      if (!url || !rw || !ro) return;
      clearTimeout(timer);
      child.off('exit', onEarlyExit);
      resolve({
        url,
        readWriteKey: rw,
        readOnlyKey: ro,
        pid: child.pid as number,
        exited,
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}
