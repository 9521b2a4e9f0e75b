// Saved reports and unfinished list refreshes in document properties: one small JSON value per report
// (`CHARTMOGUL_REPORT.<id>`) and one per list in progress (`CHARTMOGUL_REPORT_RUN.<id>`), each far below 9 KB.

import type { KeyValueStore } from '../ports';
import type { ListCheckpoint } from './listRun';
import type { SavedReport } from './types';

export const REPORT_PREFIX = 'CHARTMOGUL_REPORT.';
export const RUN_PREFIX = 'CHARTMOGUL_REPORT_RUN.';

function parse<T>(text: string | null): T | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch (_e) {
    return null;
  }
}

export class ReportStore {
  constructor(private readonly props: KeyValueStore) {}

  list(): SavedReport[] {
    const out: SavedReport[] = [];
    for (const key of this.props.keys()) {
      if (key.indexOf(REPORT_PREFIX) !== 0) continue;
      const r = parse<SavedReport>(this.props.get(key));
      if (r && typeof r.id === 'string' && r.spec) out.push(r);
    }
    return out.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
  }

  get(id: string): SavedReport | null {
    return parse<SavedReport>(this.props.get(REPORT_PREFIX + id));
  }

  save(report: SavedReport): void {
    this.props.set(REPORT_PREFIX + report.id, JSON.stringify(report));
  }

  remove(id: string): void {
    this.props.remove(REPORT_PREFIX + id);
    this.props.remove(RUN_PREFIX + id);
  }

  getRun(id: string): ListCheckpoint | null {
    return parse<ListCheckpoint>(this.props.get(RUN_PREFIX + id));
  }

  saveRun(id: string, checkpoint: ListCheckpoint): void {
    this.props.set(RUN_PREFIX + id, JSON.stringify(checkpoint));
  }

  removeRun(id: string): void {
    this.props.remove(RUN_PREFIX + id);
  }
}

export function newReportId(now: number, random: () => number = Math.random): string {
  return 'r' + now.toString(36) + Math.floor(random() * 46656).toString(36).padStart(3, '0');
}
