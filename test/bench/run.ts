// `npm run bench`: prints the project's speed and scale numbers (never asserted in unit tests).
// Sections: the emulator's metric engine; the import and formula benchmarks join here as they land.

import { benchMetricEngine } from './metric-engine';
import { benchFormulas } from './formulas';
import { benchImport } from './import';

async function main(): Promise<void> {
  console.log('== metric engine (emulator), 10,000 customers / 50,000 lines');
  const m = benchMetricEngine();
  for (const [k, v] of Object.entries(m)) console.log(`  ${k.padEnd(22)} ${v.toFixed(1)} ms`);
  console.log('== formulas (bundle + fakes + emulator process), sheets of 100 CHARTMOGUL formulas');
  for (const r of await benchFormulas()) {
    console.log(`  ${r.sheet.padEnd(20)} ${r.phase.padEnd(14)} ${String(r.requests).padStart(4)} requests  ${r.msPerFormula.toFixed(2)} ms/formula  ${r.callsPerFormula.toFixed(1)} service calls/formula`);
  }
  // Both modes run the full size (10,000 customers, 50,000 lines). Row mode needs ~20,000 requests at 40/s (≈ 9 min);
  // BENCH_IMPORT_ROWS_TENTH=1 runs it on a tenth for a quick look.
  const full = Number(process.env.BENCH_IMPORT_CUSTOMERS || 10000);
  const rowsSize = process.env.BENCH_IMPORT_ROWS_TENTH ? Math.ceil(full / 10) : full;
  console.log(`== import (bundle + fakes + emulator process, real limits): customers + 5 one-line invoices each`);
  for (const [mode, n] of [['bulk', full], ['rows', rowsSize]] as const) {
    const r = await benchImport(mode, n);
    console.log(`  ${mode.padEnd(5)} ${String(r.customers).padStart(6)} customers ${String(r.lines).padStart(6)} lines  ${String(r.requests).padStart(6)} requests (${r.requestsPer1000Rows.toFixed(1)} / 1,000 rows)  ${String(r.spreadsheetCalls).padStart(5)} spreadsheet calls  ${r.calls} importTabs calls  ${r.seconds.toFixed(1)} s`);
  }
}

void main();
