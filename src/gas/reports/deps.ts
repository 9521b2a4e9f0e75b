// Builds the Reports core's dependencies for one execution: services with a request-counting transport, the
// workbook adapter, a deadline, dates in the right zones, the user, and the tuning knobs from script properties.

import { makeClient } from '../../core/config';
import type { HttpRequest, HttpResponse, HttpTransport } from '../../core/ports';
import { DEFAULT_CHUNK_PAGES, ReportDeps } from '../../core/reports';
import { gasServices } from '../services';
import { SheetsReportsWorkbook } from './workbook';

/** Script properties (tests, tuning): items per list page (1–200), pages per staged chunk, pages per call. */
export const PROP_PAGE_SIZE = 'CHARTMOGUL_REPORTS_PAGE_SIZE';
export const PROP_CHUNK_PAGES = 'CHARTMOGUL_REPORTS_CHUNK_PAGES';
export const PROP_PAGES_PER_CALL = 'CHARTMOGUL_REPORTS_PAGES_PER_CALL';
/** A sidebar or menu call works this long before it checkpoints (Apps Script stops executions at 6 minutes). */
export const INTERACTIVE_BUDGET_MS = 270000;

class CountingTransport implements HttpTransport {
  count = 0;
  constructor(private readonly inner: HttpTransport) {}
  send(request: HttpRequest): HttpResponse {
    this.count++;
    return this.inner.send(request);
  }
  sendAll(requests: HttpRequest[]): HttpResponse[] {
    this.count += requests.length;
    return this.inner.sendAll(requests);
  }
}

function intProp(value: string | null, min: number, max: number, fallback: number): number {
  const n = Number(value);
  return value && Number.isInteger(n) && n >= min && n <= max ? n : fallback;
}

function currentUser(): string {
  try {
    return Session.getActiveUser().getEmail() || '';
  } catch (_e) {
    return '';
  }
}

export function reportDeps(deadline: number, ensureTrigger: () => void): ReportDeps {
  const base = gasServices();
  const transport = new CountingTransport(base.transport);
  const services = { ...base, transport };
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheetZone = ss.getSpreadsheetTimeZone();
  const day = (zone: string): string => {
    try {
      return Utilities.formatDate(new Date(services.clock.now()), zone, 'yyyy-MM-dd');
    } catch (_e) {
      return Utilities.formatDate(new Date(services.clock.now()), sheetZone, 'yyyy-MM-dd');
    }
  };
  return {
    services,
    workbook: new SheetsReportsWorkbook(ss),
    client: (apiKey: string) => makeClient(services, apiKey, deadline),
    deadline,
    todayIn: (zone: string) => day(zone || sheetZone),
    formatTime: (ms: number) => `${Utilities.formatDate(new Date(ms), sheetZone, 'yyyy-MM-dd HH:mm')} (${sheetZone})`,
    user: currentUser(),
    requestCount: () => transport.count,
    perPage: intProp(services.scriptProps.get(PROP_PAGE_SIZE), 1, 200, 200),
    chunkPages: intProp(services.scriptProps.get(PROP_CHUNK_PAGES), 1, 1000, DEFAULT_CHUNK_PAGES),
    pagesPerCall: intProp(services.scriptProps.get(PROP_PAGES_PER_CALL), 1, 100000, Infinity),
    ensureTrigger,
  };
}
