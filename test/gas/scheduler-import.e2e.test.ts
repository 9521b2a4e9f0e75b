// The scheduler with the real import job, end to end: templates inserted by the add-on, an import left unfinished,
// the hourly trigger run failing (recorded, no Ui) and then finishing it — bundle over the fakes, emulator in a child process.

import { createGasEnvironment, type GasEnvironment } from '../fakes';
import { startEmulatorProcess, type EmulatorProcess } from '../support/emulator-process';
import { callEntry, loadBundle, type BundleContext } from '../support/load-bundle';

type Status = { installed: boolean; lastRunAt: string | null; lastResult: string | null; lastError: string | null; jobs: string[] };
type Summary = { done: boolean; rowsDone: number; rowsTotal: number; tabs: Record<string, { imported: number; error: number }> };

let emu: EmulatorProcess;
let dataSource: { uuid: string; name: string };

beforeAll(async () => {
  emu = await startEmulatorProcess();
  const res = await fetch(emu.url + '/v1/data_sources', {
    method: 'POST',
    headers: { Authorization: 'Basic ' + Buffer.from(emu.readWriteKey + ':').toString('base64'), 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'Sheets import' }),
  });
  dataSource = { uuid: ((await res.json()) as { uuid: string }).uuid, name: 'Sheets import' };
}, 30000);
afterAll(async () => {
  await emu?.stop();
});

function addon(): { env: GasEnvironment; ctx: BundleContext } {
  const env = createGasEnvironment();
  env.untracked(() => {
    env.properties.script.setProperty('CHARTMOGUL_API_BASE', emu.url);
    env.properties.user.setProperty('CHARTMOGUL_API_KEY', emu.readWriteKey);
    env.properties.document.setProperty('CHARTMOGUL_DATA_SOURCE', JSON.stringify(dataSource));
  });
  return { env, ctx: loadBundle(env) };
}

it('an unfinished import is continued by the hourly trigger; a failing run is recorded without Ui', () => {
  const { env, ctx } = addon();
  expect(callEntry(ctx, 'insertTemplates', ['Customers', 'Plans'])).toEqual({ created: ['Customers', 'Plans'], existing: [] });
  const customers = Array.from({ length: 40 }, (_, i) => [`C-${i + 1}`, `Customer ${i + 1}`]);
  env.untracked(() => {
    env.spreadsheet.getSheetByName('Customers')!.getRange(2, 1, customers.length, 2).setValues(customers);
    env.spreadsheet.getSheetByName('Plans')!.getRange(2, 1, 1, 4).setValues([['pro', 'Pro', 1, 'month']]);
  });

  callEntry(ctx, 'ensureScheduler'); // what the panel does when an import starts
  const first = callEntry<Summary>(ctx, 'importTabs', ['Customers', 'Plans'], { mode: 'rows', timeBudgetMs: 1 });
  expect(first.done).toBe(false); // the sidebar was closed after one tiny chunk
  expect(first.rowsTotal).toBe(41);

  // The next trigger run fails (the user disconnected meanwhile): recorded in document properties, trigger kept, no Ui.
  env.untracked(() => env.properties.user.deleteProperty('CHARTMOGUL_API_KEY'));
  env.calls.reset();
  callEntry(ctx, 'runScheduledWork', env.eventObject());
  expect(env.calls.get('SpreadsheetApp.getUi') + env.calls.get('SpreadsheetApp.Ui')).toBe(0);
  let status = callEntry<Status>(ctx, 'getSchedulerStatus');
  expect(status.jobs[0]).toBe('import');
  expect(status.installed).toBe(true);
  expect(status.lastError).toContain('import: Connect ChartMogul and choose a data source in Settings first.');
  expect(status.lastResult).toContain('import: failed');

  // Reconnected: the trigger finishes the import, then removes itself.
  env.untracked(() => env.properties.user.setProperty('CHARTMOGUL_API_KEY', emu.readWriteKey));
  for (let i = 0; i < 5 && callEntry<Status>(ctx, 'getSchedulerStatus').installed; i++) callEntry(ctx, 'runScheduledWork', env.eventObject());
  status = callEntry<Status>(ctx, 'getSchedulerStatus');
  expect(status.lastError).toBeNull();
  expect(status.installed).toBe(false);
  expect(status.lastResult).toContain('trigger removed');
  const done = callEntry<Summary>(ctx, 'getImportProgress');
  expect(done.done).toBe(true);
  expect(done.rowsDone).toBe(41);
  expect(done.tabs.Customers.imported + done.tabs.Plans.imported).toBe(41);
  const receipts = env.untracked(() => {
    const sheet = env.spreadsheet.getSheetByName('Customers')!;
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
    const col = headers.indexOf('chartmogul_status') + 1;
    return sheet.getRange(2, col, customers.length, 1).getValues().map((r) => r[0]);
  });
  expect(new Set(receipts)).toEqual(new Set(['imported']));
}, 60000);
