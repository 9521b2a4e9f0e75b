// Import benchmark: a generated workbook (N customers, 5 monthly invoices of one line each) imported through the
// built bundle (fakes) into the emulator process with its real limits (40/s, 20 in flight), in both modes.

import { ChartMogulClient } from '../../src/core/chartmogul';
import { createGasEnvironment } from '../fakes';
import { startEmulatorProcess } from '../support/emulator-process';
import { callEntry, loadBundle } from '../support/load-bundle';
import { NodeTransport } from '../support/node-transport';
import { seedWorkbook, type Rows } from '../gas/importSeed';

export interface ImportBenchRow {
  mode: string;
  customers: number;
  lines: number;
  calls: number;
  requests: number;
  requestsPer1000Rows: number;
  spreadsheetCalls: number;
  seconds: number;
}

function workbook(customers: number): Record<string, Rows> {
  const c: Rows = [['external_id', 'name', 'country']];
  const inv: Rows = [['invoice_external_id', 'customer_external_id', 'date', 'currency', 'type', 'plan_external_id', 'subscription_external_id', 'service_period_start', 'service_period_end', 'amount_in_cents']];
  const months = ['2024-01-01', '2024-02-01', '2024-03-01', '2024-04-01', '2024-05-01', '2024-06-01'];
  for (let i = 0; i < customers; i++) {
    c.push([`B-${i}`, `Customer ${i}`, 'US']);
    for (let m = 0; m < 5; m++) inv.push([`BI-${i}-${m}`, `B-${i}`, months[m], 'USD', 'subscription', 'pro', `BS-${i}`, months[m], months[m + 1], 1000 + (i % 50) * 100]);
  }
  return { Customers: c, Plans: [['external_id', 'name', 'interval_count', 'interval_unit'], ['pro', 'Pro', 1, 'month']], Invoices: inv };
}

export async function benchImport(mode: 'rows' | 'bulk', customers: number): Promise<ImportBenchRow> {
  const emu = await startEmulatorProcess();
  try {
    const api = new ChartMogulClient({ apiKey: emu.readWriteKey, baseUrl: emu.url, transport: new NodeTransport(), clock: { now: () => Date.now(), sleep: () => undefined } });
    const ds = api.dataSources.create({ name: 'Bench' }).uuid;
    const env = createGasEnvironment({ urlFetchDailyQuota: 1e9 });
    env.untracked(() => {
      env.properties.script.setProperty('CHARTMOGUL_API_BASE', emu.url);
      env.properties.user.setProperty('CHARTMOGUL_API_KEY', emu.readWriteKey);
      env.properties.document.setProperty('CHARTMOGUL_DATA_SOURCE', JSON.stringify({ uuid: ds, name: 'Bench' }));
    });
    const book = workbook(customers);
    seedWorkbook(env, book);
    const ctx = loadBundle(env);
    env.calls.reset();
    const t0 = Date.now();
    let s = callEntry<{ done: boolean; requests: number; rowsTotal: number }>(ctx, 'importTabs', [], { mode });
    let calls = 1;
    while (!s.done && calls < 500) {
      s = callEntry(ctx, 'importTabs', [], {});
      calls++;
    }
    const seconds = (Date.now() - t0) / 1000;
    const rows = book.Customers.length - 1 + book.Invoices.length - 1 + 1;
    return {
      mode, customers, lines: customers * 5, calls,
      requests: env.urlFetch.requests.length,
      requestsPer1000Rows: (env.urlFetch.requests.length / rows) * 1000,
      spreadsheetCalls: env.calls.get('SpreadsheetApp'),
      seconds,
    };
  } finally {
    await emu.stop();
  }
}
