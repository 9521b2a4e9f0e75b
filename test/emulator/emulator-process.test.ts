// The CLI in a child process (test/support/emulator-process.ts): prints its URL and keys, serves requests, persists
// its --state-file on writes and stops cleanly.

import { spawn, type ChildProcess } from 'child_process';
import { existsSync, mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { startEmulatorProcess } from '../support/emulator-process';
import { client } from './test-helpers';

it('runs the CLI in a child process with a persisted state file', async () => {
  const stateFile = join(mkdtempSync(join(tmpdir(), 'cm-emu-cli-')), 'state.json');
  const proc = await startEmulatorProcess({ key: 'cli-key', stateFile, args: ['--rate-limit', '100'] });
  try {
    expect(proc.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(proc.readWriteKey).toBe('cli-key');
    const call = client(proc);
    expect((await call('POST', '/v1/data_sources', { name: 'persisted' })).status).toBe(201);
    expect(existsSync(stateFile)).toBe(true);
    expect(JSON.parse(readFileSync(stateFile, 'utf8')).dataSources[0].name).toBe('persisted');
    expect((await call('POST', '/v1/data_sources', { name: 'x' }, proc.readOnlyKey)).status).toBe(403);
  } finally {
    await proc.stop();
  }
  const again = await startEmulatorProcess({ stateFile });
  try {
    const list = await client(again)('GET', '/v1/data_sources');
    expect(list.body.data_sources.map((d: { name: string }) => d.name)).toEqual(['persisted']);
  } finally {
    await again.stop();
  }
}, 60000);

/** Spawns `npm run emulator -- …` and resolves with the child and its stdout once the three lines are printed. */
function npmEmulator(args: string[]): Promise<{ child: ChildProcess; out: () => string }> {
  const child = spawn('npm', ['run', '--silent', 'emulator', '--', ...args], { cwd: join(__dirname, '..', '..'), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start: ${out}`)), 30000);
    child.stdout?.on('data', () => {
      if (/read-only key: \S+\n/.test(out)) {
        clearTimeout(timer);
        resolve({ child, out: () => out });
      }
    });
  });
}

async function refused(url: string, within: number): Promise<boolean> {
  const until = Date.now() + within;
  while (Date.now() < until) {
    try {
      await fetch(`${url}/v1/ping`);
    } catch {
      return true;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

it('npm run emulator prints exactly the three lines, uses the given keys and dies with its npm parent', async () => {
  const { child, out } = await npmEmulator(['--port', '0', '--key', 'rw-k', '--read-only-key', 'ro-k', '--rate-limit', '0']);
  const lines = out().trimEnd().split('\n');
  expect(lines).toHaveLength(3);
  expect(lines[0]).toMatch(/^ChartMogul emulator listening on http:\/\/127\.0\.0\.1:\d+$/);
  expect(lines.slice(1)).toEqual(['read & write key: rw-k', 'read-only key: ro-k']);
  const url = lines[0].split(' ').pop() as string;
  expect((await client({ url, readWriteKey: 'rw-k' })('GET', '/v1/ping')).status).toBe(200);
  expect((await client({ url, readWriteKey: 'ro-k' })('GET', '/v1/ping')).status).toBe(200);
  child.kill('SIGTERM'); // npm's sh child dies; the emulator must notice and stop instead of lingering
  expect(await refused(url, 5000)).toBe(true);
}, 60000);

it('stops cleanly with exit code 0 on SIGINT and on SIGTERM', async () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    const proc = await startEmulatorProcess({ args: ['--rate-limit', '0'] });
    process.kill(proc.pid, signal);
    expect(await proc.exited).toBe(0);
    expect(await refused(proc.url, 3000)).toBe(true);
  }
}, 60000);
