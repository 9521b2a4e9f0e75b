// `npm start`: builds dist/ when stale, starts the ChartMogul emulator (demo account) in a child process, loads the
// add-on over the Apps Script fakes and serves the playground page. Ctrl-C stops everything it started.

import { existsSync } from 'fs';
import { PROP_API_BASE, PROP_API_KEY, PROP_DATA_SOURCE, PROP_FORMULA_API_KEY } from '../../src/core/config';
import { startEmulatorProcess, type EmulatorProcess } from '../support/emulator-process';
import { parseArgs, USAGE, UsageError } from './args';
import { ensureBuilt } from './build-check';
import { dataDir, loadOrCreateMeta, resetDataDir, writeAtomic } from './data-dir';
import { writeDemoSeed, writeStartTab } from './demo';
import { PlaygroundHost } from './host';
import { listen, serve } from './server';

const log = (line: string): void => void process.stdout.write(line + '\n');

/** The "Demo billing" data source of an emulator we did not start (or its first custom one). */
async function findDataSource(url: string, key: string): Promise<{ uuid: string; name: string } | undefined> {
  try {
    const res = await fetch(`${url}/v1/data_sources`, { headers: { authorization: 'Basic ' + Buffer.from(key + ':').toString('base64') } });
    const body = (await res.json()) as { data_sources?: Array<{ uuid: string; name: string; system: string }> };
    const list = body.data_sources ?? [];
    const ds = list.find((d) => d.name === 'Demo billing') ?? list.find((d) => d.system === 'Custom');
    return ds && { uuid: ds.uuid, name: ds.name };
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const args = parseArgs(process.argv.slice(2));
  if (args.help) return log(USAGE);
  const listening = await listen(args.port);
  let emulator: EmulatorProcess | null = null;
  let host: PlaygroundHost | null = null;
  let ticker: NodeJS.Timeout | null = null;
  let stopping = false;
  // Ctrl-C (also during startup): stop ticking and serving, save the workbook, stop the emulator we started.
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    if (ticker) clearInterval(ticker);
    listening.server.close();
    try {
      host?.persist();
    } catch (e) {
      log(`could not save the workbook: ${(e as Error).message}`);
    }
    // The emulator saves its state file first thing on SIGTERM; its server may then wait for idle keep-alive
    // sockets, so after a grace period it is killed (process.on('exit') below).
    const done = emulator ? Promise.race([emulator.stop(), new Promise((r) => setTimeout(r, 3000))]) : Promise.resolve();
    void done.then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.on('exit', () => {
    if (emulator) try { process.kill(emulator.pid, 'SIGKILL'); } catch { /* already gone */ }
  });
  const dir = dataDir(args.dataDir);
  if (args.reset) {
    resetDataDir(dir);
    log(`reset: removed the playground files in ${dir.root}`);
  }
  if (!args.noBuild) await ensureBuilt(log);
  const { meta, fresh } = loadOrCreateMeta(dir, args.empty);
  if (!fresh && args.empty !== meta.empty) log(`note: ${dir.root} was created ${meta.empty ? 'with' : 'without'} --empty; use --reset to start over.`);

  let emulatorUrl: string;
  let readWriteKey = meta.readWriteKey;
  let readOnlyKey = meta.readOnlyKey;
  let dataSource = meta.dataSource;
  if (args.emulator) {
    emulatorUrl = args.emulator;
    readWriteKey = args.key as string;
    readOnlyKey = args.readOnlyKey ?? readWriteKey;
    dataSource = meta.empty ? undefined : await findDataSource(emulatorUrl, readWriteKey);
  } else {
    if (!meta.empty && (!existsSync(dir.demoSeed) || !meta.dataSource)) {
      meta.dataSource = dataSource = writeDemoSeed(dir.demoSeed, meta.endDate);
      writeAtomic(dir.meta, JSON.stringify(meta, null, 2));
    }
    emulator = await startEmulatorProcess({
      key: readWriteKey,
      readOnlyKey,
      seedFile: meta.empty ? undefined : dir.demoSeed,
      stateFile: dir.emulatorState,
      startTimeoutMs: 45000,
    });
    emulatorUrl = emulator.url;
  }

  const pg = (host = new PlaygroundHost({ dir, log }));
  pg.setSetting('script', PROP_API_BASE, emulatorUrl);
  // Keys and data source are set for a new data dir, and again when it was last set up for another emulator (own ↔
  // --emulator, or another --key): otherwise Settings would hold keys the emulator in use does not know.
  const target = args.emulator ? `${emulatorUrl} ${readWriteKey}` : 'own';
  const configure = !meta.empty && (fresh || (meta.configuredFor ?? 'own') !== target);
  if (configure) {
    pg.setSetting('user', PROP_API_KEY, readWriteKey);
    if (dataSource) pg.setSetting('document', PROP_DATA_SOURCE, JSON.stringify({ uuid: dataSource.uuid, name: dataSource.name }));
    else pg.deleteSetting('document', PROP_DATA_SOURCE);
    pg.setSetting('document', PROP_FORMULA_API_KEY, readOnlyKey);
  }
  if (fresh) writeStartTab(pg.env, meta.endDate, meta.empty);
  if (configure) {
    // The add-on caches the account's name, currency and zone when a key is tested: let it do so itself.
    const test = pg.run('testConnection', []);
    if (!test.result.ok) log(`note: testConnection failed: ${test.result.error?.message ?? ''}`);
    if (!fresh) log(`Settings: set up again for ${args.emulator ? `the emulator at ${emulatorUrl}` : 'the playground\'s own emulator'}.`);
    writeAtomic(dir.meta, JSON.stringify({ ...meta, configuredFor: target }, null, 2));
  }
  pg.open();
  pg.persist();

  const info = { emulatorUrl, readWriteKey, readOnlyKey, dataDir: dir.root, demoEndDate: meta.endDate, empty: String(meta.empty) };
  await serve(listening, pg, info);
  const { url } = listening;
  log(`ChartMogul emulator: ${emulatorUrl}${emulator ? '' : ' (external)'}`);
  log(`  read & write key: ${readWriteKey}`);
  log(`  read-only key:    ${readOnlyKey}`);
  const account = args.emulator ? 'the external emulator\'s data' : meta.empty ? 'empty account' : `demo account up to ${meta.endDate}`;
  log(`Data dir: ${dir.root}${fresh ? ` (new, ${account})` : ''}`);
  if (args.tick > 0) {
    ticker = setInterval(() => {
      const r = pg.fireTrigger(true);
      log(`tick: +1 h on the add-on's clock; ${r.effects.error ? 'error: ' + r.effects.error : r.value ?? ''}`);
    }, args.tick * 1000);
    log(`Scheduler: the trigger fires every ${args.tick} s, each run one hour later on the add-on's clock (--tick).`);
  }
  log(`Playground ready: ${url}   (${((Date.now() - started) / 1000).toFixed(1)} s; Ctrl-C stops it)`);
}

main().catch((e: unknown) => {
  process.stderr.write(`playground: ${e instanceof UsageError ? e.message : (e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
