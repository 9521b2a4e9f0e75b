// The CLI in a child process (test/support/emulator-process.ts): prints its URL and keys, serves requests, persists
// its --state-file on writes and stops cleanly.

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
