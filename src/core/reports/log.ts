// The `ChartMogul log` row of one report refresh, in the import engine's columns (its LOG_HEADER, one row per run):
// run = report id, tabs = the report's tab, rows written under `updated`, a failure counts one under `error`.

import { LOG_HEADER, LOG_TAB } from '../import/engine/log';
import { guardText } from './formats';
import type { LogCell } from './ports';
import type { RefreshMode } from './types';

export { LOG_HEADER, LOG_TAB };

const MODE_LABELS: Record<RefreshMode, string> = {
  create: 'report (new)',
  manual: 'report refresh',
  scheduled: 'report refresh (scheduled)',
};

export interface LogFacts {
  now: number;
  user: string;
  reportId: string;
  tab: string;
  mode: RefreshMode;
  rows: number;
  error: string | null;
  requests: number;
  ms: number;
}

/** time, user, run, tabs, mode, imported, updated, unchanged, exists, error, skipped, requests, duration_s, result. */
export function logRow(f: LogFacts): LogCell[] {
  const result = f.error ? 'failed: ' + f.error : `done: ${f.rows} row${f.rows === 1 ? '' : 's'}`;
  return [
    new Date(f.now).toISOString(), guardText(f.user), f.reportId, guardText(f.tab), MODE_LABELS[f.mode],
    0, f.error ? 0 : f.rows, 0, 0, f.error ? 1 : 0, 0, f.requests, Math.round(f.ms / 1000),
    guardText(result.length > 500 ? result.slice(0, 497) + '...' : result),
  ];
}
