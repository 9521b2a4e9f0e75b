// The CLI flags as a user runs them (child process, no browser needed except one redraw check): default port, a busy
// port, --empty, --tick, Ctrl-C cleanup (own emulator gone, data saved), --emulator (used, left running, switched back).

import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'fs';
import { createServer, type Server } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import { startEmulatorProcess, type EmulatorProcess } from '../support/emulator-process';
import { browserPath, launchBrowser } from '../ui/browser';
import { parseArgs, UsageError } from './args';
import { writeDemoSeed } from './demo';
import { startPlayground, type RunningPlayground } from './harness';
import type { WorkbookView } from './protocol';

jest.setTimeout(240000);

const tmp = (name: string): string => mkdtempSync(join(tmpdir(), `pg-flags-${name}-`));
const HAS_PROC = existsSync('/proc/self/stat');

async function call<T>(base: string, path: string, body?: unknown, key?: string): Promise<T> {
  const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
  if (key) headers.authorization = 'Basic ' + Buffer.from(key + ':').toString('base64');
  const res = await fetch(base + path, { method: body === undefined ? 'GET' : 'POST', headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** google.script.run through the playground server; the function's return value. */
async function run<T>(pg: RunningPlayground, name: string, args: unknown[] = []): Promise<T> {
  const r = await call<{ result: { ok: boolean; value?: T; error?: { message: string } } }>(pg.url, '/api/run', { name, args: JSON.stringify(args) });
  if (!r.result.ok) throw new Error(`${name}: ${r.result.error?.message}`);
  return r.result.value as T;
}

/** Emulator processes a process started (its direct children running test/emulator/cli.ts), from /proc (Linux). */
function emulatorChildren(pid: number): number[] {
  return readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number).filter((p) => {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      return parent === pid && readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(join('emulator', 'cli.ts'));
    } catch {
      return false;
    }
  });
}

/** Running (a zombie waiting for its parent to reap it counts as gone). */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

async function waitFor<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs = 60000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('playground flags: port', () => {
  it('defaults to 8080 and refuses a port that is not one', () => {
    expect(parseArgs([]).port).toBe(8080);
    expect(() => parseArgs(['--port', '70000'])).toThrow(UsageError);
  });

  it('fails at once on a busy port, naming --port, before starting anything', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as { port: number }).port;
    const dir = tmp('busy');
    try {
      const err = await startPlayground(dir, ['--port', String(port)]).then(() => null, (e: Error) => e);
      expect(err?.message).toMatch(new RegExp(`exited with 1:\\s*playground: port ${port} on 127.0.0.1 is already in use.*--port 0 picks any free port`, 's'));
      expect(err?.message).not.toMatch(/\n\s+at /); // a message, not a stack
      expect(existsSync(join(dir, 'meta.json'))).toBe(false); // no data dir files, no emulator
    } finally {
      blocker.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('playground flags: --empty --tick 1, then Ctrl-C', () => {
  const dir = tmp('empty');
  let pg: RunningPlayground;
  beforeAll(async () => void (pg = await startPlayground(dir, ['--empty', '--tick', '1'])));
  afterAll(async () => {
    await pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('--empty: no demo data and no keys configured, but the keys are printed', async () => {
    expect(pg.readWriteKey).toMatch(/^pg_rw_/);
    expect(pg.readOnlyKey).toMatch(/^pg_ro_/);
    expect((await call<Record<string, string>>(pg.url, '/api/info')).empty).toBe('true');
    const settings = await run<{ connected: boolean; dataSource: unknown; formulaApiKeyHint: unknown }>(pg, 'getSettings');
    expect(settings).toMatchObject({ connected: false, dataSource: null, formulaApiKeyHint: null });
    const view = await call<WorkbookView>(pg.url, '/api/view');
    expect(view.sheets.map((s) => s.name)).toEqual(['Start here']);
    expect(view.sheet.cells.filter((c) => c.f)).toEqual([]);
    const ds = await call<{ data_sources: unknown[] }>(pg.emulatorUrl, '/v1/data_sources', undefined, pg.readWriteKey);
    expect(ds.data_sources).toEqual([]);
  });

  it('--tick 1: the scheduler trigger runs by itself, and the open page redraws by itself', async () => {
    expect(await run<{ installed: boolean }>(pg, 'ensureScheduler')).toMatchObject({ installed: true });
    const status = await waitFor('a scheduled run', async () => {
      const s = await run<{ lastRunAt: string | null; lastResult: string | null }>(pg, 'getSchedulerStatus');
      return s.lastRunAt ? s : null;
    });
    expect(status.lastResult).toMatch(/trigger removed/); // nothing to do: the add-on removes its trigger
    expect(pg.output()).toMatch(/tick: \+1 h on the add-on's clock; Ran runScheduledWork\./);
    expect((await call<WorkbookView>(pg.url, '/api/view')).clockOffsetHours).toBeGreaterThanOrEqual(1);
    if (!browserPath()) return;
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(pg.url);
      await page.waitForFunction(() => /clock \+\d+ h/.test(document.getElementById('trigger-status')?.textContent ?? ''));
      const first = await page.locator('#trigger-status').innerText();
      await page.waitForFunction((t) => document.getElementById('trigger-status')?.textContent !== t, first, { timeout: 30000 });
    } finally {
      await browser.close();
    }
  });

  it('Ctrl-C: exits 0, stops its own emulator, keeps the workbook and the emulator data', async () => {
    const sheetId = (await call<WorkbookView>(pg.url, '/api/view')).sheet.id;
    await call(pg.url, '/api/edit', { sheetId, row: 20, col: 1, rows: [['typed before Ctrl-C']] });
    await call(pg.emulatorUrl, '/v1/data_sources', { name: 'Made before Ctrl-C' }, pg.readWriteKey);
    const children = HAS_PROC ? emulatorChildren(pg.pid) : [];
    if (HAS_PROC) expect(children).toHaveLength(1); // its own emulator
    expect(await pg.stop()).toBe(0);
    for (const pid of children) await waitFor(`emulator ${pid} to end`, async () => !alive(pid), 10000);
    await expect(fetch(pg.emulatorUrl + '/_emulator/stats')).rejects.toThrow();
    await expect(fetch(pg.url + '/api/info')).rejects.toThrow();
    const saved = JSON.parse(readFileSync(join(dir, 'workbook.json'), 'utf8')) as { clockOffsetMs: number };
    expect(JSON.stringify(saved)).toContain('typed before Ctrl-C');
    expect(saved.clockOffsetMs).toBeGreaterThanOrEqual(3600000);
    expect(readFileSync(join(dir, 'emulator-state.json'), 'utf8')).toContain('Made before Ctrl-C');
  });
});

describe('playground flags: --emulator', () => {
  const dir = tmp('ext');
  const seedDir = tmp('ext-seed');
  let ext: EmulatorProcess;
  beforeAll(async () => {
    const seedFile = join(seedDir, 'seed.json');
    writeDemoSeed(seedFile, new Date().toISOString().slice(0, 10));
    ext = await startEmulatorProcess({ key: 'ext_rw_key', readOnlyKey: 'ext_ro_key', seedFile, startTimeoutMs: 60000 });
  });
  afterAll(async () => {
    await ext?.stop();
    rmSync(dir, { recursive: true, force: true });
    rmSync(seedDir, { recursive: true, force: true });
  });

  const metricCalls = async (): Promise<number> =>
    Object.entries(await call<Record<string, number>>(ext.url, '/_emulator/stats')).filter(([k]) => /metrics/.test(k)).reduce((n, [, v]) => n + v, 0);

  it('answers formulas from the emulator given and leaves it running on exit', async () => {
    expect(await metricCalls()).toBe(0);
    const pg = await startPlayground(dir, ['--emulator', ext.url, '--key', 'ext_rw_key', '--read-only-key', 'ext_ro_key']);
    try {
      expect(pg.output()).toContain(`ChartMogul emulator: ${ext.url} (external)`);
      expect([pg.emulatorUrl, pg.readWriteKey, pg.readOnlyKey]).toEqual([ext.url, 'ext_rw_key', 'ext_ro_key']);
      if (HAS_PROC) expect(emulatorChildren(pg.pid)).toEqual([]); // no emulator of its own
      expect(await run<{ ok: boolean }>(pg, 'testConnection')).toMatchObject({ ok: true });
      const sheetId = (await call<WorkbookView>(pg.url, '/api/view')).sheet.id;
      await call(pg.url, '/api/edit', { sheetId, row: 1, col: 4, rows: [['=CHARTMOGUL_METRIC("arr")']] });
      const d1 = (await call<WorkbookView>(pg.url, '/api/view')).sheet.cells.find((c) => c.r === 1 && c.c === 4);
      expect(d1?.t).toMatch(/^\d[\d.]*$/);
      expect(await metricCalls()).toBeGreaterThan(0);
    } finally {
      expect(await pg.stop()).toBe(0);
    }
    expect(alive(ext.pid) || !HAS_PROC).toBe(true);
    expect(await call<Record<string, number>>(ext.url, '/_emulator/stats')).toBeTruthy();
  });

  it('a later start without --emulator sets Settings up for its own emulator again', async () => {
    const pg = await startPlayground(dir);
    try {
      expect(pg.emulatorUrl).not.toBe(ext.url);
      expect(pg.output()).toContain("Settings: set up again for the playground's own emulator.");
      expect(await run<{ ok: boolean }>(pg, 'testConnection')).toMatchObject({ ok: true });
    } finally {
      expect(await pg.stop()).toBe(0);
    }
  });
});
