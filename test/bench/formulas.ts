// Formula benchmark: a sheet of 100 CHARTMOGUL formulas run through the built bundle (fakes + emulator process),
// cold, warm and after "Refresh ChartMogul formulas": HTTP requests made and milliseconds per formula (printed only).

import { createGasEnvironment } from '../fakes';
import { startEmulatorProcess } from '../support/emulator-process';
import { callEntry, loadBundle } from '../support/load-bundle';
import { freezeEmulatorClock, writeFormulaSeed } from '../gas/formulaSeed';

type Cell = [string, ...unknown[]];

/** 100 formulas: 10 METRICS tables (5 metric lists, 2 ranges), 10 MRR_MOVEMENTS, 80 METRIC cells (4 metrics × 20 days). */
function mixedSheet(): Cell[] {
  const cells: Cell[] = [];
  const lists = ['mrr', 'mrr,arr', 'all', 'customers,arpa', 'ltv,asp,customer-churn-rate'];
  for (const l of lists) for (const end of ['2024-06-30', '2024-03-31']) cells.push(['CHARTMOGUL_METRICS', l, '2024-01-01', end, 'month']);
  for (const i of ['day', 'week', 'month', 'quarter', 'year']) for (const p of ['', 'Basic']) cells.push(['CHARTMOGUL_MRR_MOVEMENTS', '2024-01-01', '2024-06-30', i, p]);
  for (const m of ['mrr', 'arr', 'customers', 'arpa']) for (let d = 1; d <= 20; d++) cells.push(['CHARTMOGUL_METRIC', m, `2024-05-${String(d).padStart(2, '0')}`]);
  return cells;
}

const storm = (): Cell[] => Array.from({ length: 100 }, (): Cell => ['CHARTMOGUL_METRIC', 'mrr', '2024-03-20']);

export interface FormulaBenchRow {
  sheet: string;
  phase: string;
  requests: number;
  msPerFormula: number;
  /** Apps Script service calls per formula (each costs real time in Apps Script; the fakes make them free). */
  callsPerFormula: number;
}

export async function benchFormulas(): Promise<FormulaBenchRow[]> {
  const emu = await startEmulatorProcess({ seedFile: writeFormulaSeed(), args: ['--rate-limit', '0'] });
  const rows: FormulaBenchRow[] = [];
  try {
    await freezeEmulatorClock(emu.url);
    for (const [name, cells] of [['100 × same query', storm()], ['100 mixed formulas', mixedSheet()]] as const) {
      const env = createGasEnvironment({ authMode: 'CUSTOM_FUNCTION', spreadsheetTimeZone: 'Europe/Berlin' });
      env.untracked(() => {
        env.properties.script.setProperty('CHARTMOGUL_API_BASE', emu.url);
        env.properties.document.setProperty('CHARTMOGUL_FORMULA_API_KEY', emu.readOnlyKey);
      });
      const ctx = loadBundle(env);
      const pass = (phase: string) => {
        const before = env.urlFetch.requests.length;
        env.calls.reset();
        const t0 = process.hrtime.bigint();
        for (const [fn, ...args] of cells) callEntry(ctx, fn, ...args);
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        const calls = env.calls.total();
        rows.push({ sheet: name, phase, requests: env.urlFetch.requests.length - before, msPerFormula: ms / cells.length, callsPerFormula: calls / cells.length });
      };
      pass('cold');
      pass('warm');
      env.setAuthMode('FULL');
      callEntry(ctx, 'refreshChartMogulFormulas'); // bumps the generation (the sheet itself holds no formulas here)
      env.setAuthMode('CUSTOM_FUNCTION');
      pass('after refresh');
      pass('warm again');
    }
  } finally {
    await emu.stop();
  }
  return rows;
}
