// In-memory test rig for the import engine: a WorkbookPort over arrays (with a "kill at the Nth receipt write"
// switch), the emulator's route handlers as a synchronous transport (with scripted faults), and EngineDeps.

import { ChartMogulClient } from '../../../../src/core/chartmogul';
import type { Cell, TabName } from '../../../../src/core/import';
import { matchHeaders, RECEIPT_COLUMNS } from '../../../../src/core/import';
import type { EngineDeps, ReceiptCells, ReceiptIndex, TabData, WorkbookPort } from '../../../../src/core/import/engine';
import type { Clock, HttpRequest, HttpResponse, HttpTransport, KeyValueStore } from '../../../../src/core/ports';
import { defaultEngine } from '../../../emulator/engine';
import type { Ctx, Query } from '../../../emulator/http-types';
import { seedState } from '../../../emulator/persistence';
import { apiRouter } from '../../../emulator/resources';
import type { EmulatorState } from '../../../emulator/state';

export class Killed extends Error {
  constructor() {
    super('execution killed (simulated)');
  }
}

interface Tab {
  values: Cell[][];
  notes: Record<number, string>;
}

/** The spreadsheet: tabs as 2-D arrays (row 1 = header); counts port calls; can die at the Nth receipt write. */
export class MemoryWorkbook implements WorkbookPort {
  readonly sheets = new Map<string, Tab>();
  readonly log: (string | number)[][] = [];
  calls = { read: 0, ensure: 0, write: 0, log: 0 };
  /** Throw Killed on this receipt write (1-based, counted from now); 0 = never. */
  killAtWrite = 0;

  constructor(tabs: Record<string, Cell[][]>) {
    for (const [name, values] of Object.entries(tabs)) this.sheets.set(name, { values: values.map((r) => r.slice()), notes: {} });
  }

  timeZone(): string {
    return 'Europe/Berlin';
  }

  tabs(): TabName[] {
    return Array.from(this.sheets.keys()) as TabName[];
  }

  read(tab: TabName): TabData | null {
    this.calls.read++;
    const t = this.sheets.get(tab);
    if (!t) return null;
    const width = Math.max(...t.values.map((r) => r.length));
    const rows = t.values.slice(1).map((r) => r.concat(new Array(width - r.length).fill('')));
    const headers = t.values[0].concat(new Array(width - t.values[0].length).fill(''));
    return { tab, headers, rows, notes: rows.map((_r, i) => t.notes[i + 2] || '') };
  }

  ensureReceiptColumns(tab: TabName, headers: Cell[]): ReceiptIndex {
    this.calls.ensure++;
    const t = this.sheets.get(tab) as Tab;
    const m = matchHeaders(tab, headers);
    const out = {} as ReceiptIndex;
    let next = headers.filter((h) => String(h).trim() !== '').length;
    for (const r of RECEIPT_COLUMNS) {
      if (m.receipt[r] === undefined) {
        t.values[0][next] = r;
        m.receipt[r] = next++;
      }
      out[r] = m.receipt[r] as number;
    }
    return out;
  }

  writeReceipts(tab: TabName, columns: ReceiptIndex, firstRow: number, cells: ReceiptCells[]): void {
    this.calls.write++;
    if (this.killAtWrite > 0 && --this.killAtWrite === 0) throw new Killed();
    const t = this.sheets.get(tab) as Tab;
    cells.forEach((c, k) => {
      const row = firstRow + k;
      const line = (t.values[row - 1] = t.values[row - 1] || []);
      line[columns.chartmogul_status] = c.status;
      line[columns.chartmogul_uuid] = c.uuid;
      line[columns.chartmogul_message] = c.message;
      line[columns.chartmogul_synced_at] = c.syncedAt;
      t.notes[row] = c.note;
    });
  }

  appendLog(_header: string[], row: (string | number)[]): void {
    this.calls.log++;
    this.log.push(row);
  }

  /** Receipt of a sheet row: {status, uuid, message, note}. */
  receipt(tab: string, row: number): { status: string; uuid: string; message: string; note: string } {
    const t = this.sheets.get(tab) as Tab;
    const head = t.values[0].map(String);
    const line = t.values[row - 1] || [];
    const get = (n: string) => String(line[head.indexOf(n)] ?? '');
    return { status: get('chartmogul_status'), uuid: get('chartmogul_uuid'), message: get('chartmogul_message'), note: t.notes[row] || '' };
  }

  setCell(tab: string, row: number, col: number, value: Cell): void {
    (this.sheets.get(tab) as Tab).values[row - 1][col - 1] = value;
  }
}

export interface Exchange {
  method: string;
  path: string;
  status: number;
}

/** A fault for one request: `drop` = ChartMogul acts but the answer is lost (network error). */
export type Fault = 'drop' | 'fail500' | undefined;

/** The emulator's handlers as a synchronous, in-process HttpTransport. */
export class EmulatorTransport implements HttpTransport {
  readonly state: EmulatorState = seedState(undefined);
  readonly router = apiRouter();
  readonly log: Exchange[] = [];
  /** Decides a fault per request (called before it is handled). */
  fault: (method: string, path: string, n: number) => Fault = () => undefined;
  /** Called after each answered request (e.g. to set the cancel flag mid-run). */
  onRequest: (method: string, path: string, n: number) => void = () => undefined;
  now = new Date('2025-06-01T00:00:00Z');

  send(r: HttpRequest): HttpResponse {
    const url = new URL(r.url);
    const method = r.method.toUpperCase();
    const n = this.log.length + 1;
    const fault = this.fault(method, url.pathname, n);
    if (fault === 'fail500') {
      this.log.push({ method, path: url.pathname, status: 500 });
      return { status: 500, headers: {}, body: '500 Internal Server Error' };
    }
    const match = this.router.match(method, url.pathname);
    let answer: { status: number; body?: unknown; text?: string };
    if (!match) answer = { status: 404, text: 'Not found' };
    else {
      const query: Query = {};
      url.searchParams.forEach((v, k) => (query[k] = v));
      const ctx: Ctx = { state: this.state, now: this.now, engine: defaultEngine };
      answer = match.handler({ method, path: url.pathname, query, body: r.body ? JSON.parse(r.body) : undefined, params: match.params }, ctx);
    }
    this.log.push({ method, path: match ? match.name.split(' ')[1] : url.pathname, status: fault === 'drop' ? 0 : answer.status });
    this.onRequest(method, url.pathname, n);
    if (fault === 'drop') return { status: 0, headers: {}, body: '', networkError: 'Connection reset' };
    const body = answer.body !== undefined ? JSON.stringify(answer.body) : answer.text || '';
    return { status: answer.status, headers: {}, body };
  }

  sendAll(rs: HttpRequest[]): HttpResponse[] {
    return rs.map((r) => this.send(r));
  }

  count(method: string, pathPrefix: string): number {
    return this.log.filter((e) => e.method === method && e.path.indexOf(pathPrefix) === 0).length;
  }
}

export class MemoryStore implements KeyValueStore {
  readonly data = new Map<string, string>();
  get(k: string): string | null {
    return this.data.has(k) ? (this.data.get(k) as string) : null;
  }
  set(k: string, v: string): void {
    if (v.length > 9 * 1024) throw new Error('Argument too large: value');
    this.data.set(k, v);
  }
  remove(k: string): void {
    this.data.delete(k);
  }
  keys(): string[] {
    return Array.from(this.data.keys());
  }
}

/** Virtual time: sleep advances it; `tick` ms pass per reading so time budgets run out in long loops. */
export class TestClock implements Clock {
  constructor(public t = Date.parse('2025-06-01T10:00:00Z'), public tick = 0) {}
  now(): number {
    this.t += this.tick;
    return this.t;
  }
  sleep(ms: number): void {
    this.t += Math.max(0, ms);
  }
}

export interface Rig {
  api: EmulatorTransport;
  workbook: MemoryWorkbook;
  store: MemoryStore;
  clock: TestClock;
  ds: string;
  /** A fresh execution's dependencies (new client; same sheet, properties and ChartMogul). */
  deps(): EngineDeps;
}

export function rig(tabs: Record<string, Cell[][]>): Rig {
  const api = new EmulatorTransport();
  const clock = new TestClock();
  const store = new MemoryStore();
  const workbook = new MemoryWorkbook(tabs);
  const boot = new ChartMogulClient({ apiKey: 'k', baseUrl: 'https://api.test', transport: api, clock });
  // The emulator's auth is in the HTTP layer, not in the handlers: any key works here.
  const ds = boot.dataSources.create({ name: 'Sheets' }).uuid;
  return {
    api, workbook, store, clock, ds,
    deps(): EngineDeps {
      let count = 0;
      const transport: HttpTransport = {
        send: (r) => (count++, api.send(r)),
        sendAll: (rs) => ((count += rs.length), api.sendAll(rs)),
      };
      const client = new ChartMogulClient({ apiKey: 'secret-key-123', baseUrl: 'https://api.test', transport, clock, random: () => 0, retry: { baseDelayMs: 10, maxDelayMs: 20 } });
      return { workbook, client, dataSourceUuid: ds, clock, store, zoneOffset: () => 60, user: 'u@example.com', requestCount: () => count };
    },
  };
}

export const CUSTOMERS: Cell[][] = [
  ['external_id', 'name', 'country'],
  ['C-1', 'Acme', 'US'],
  ['C-2', 'Beta', 'DE'],
  ['C-3', 'Gamma', 'UK'],
  ['C-4', 'Delta', 'FR'],
];

export const PLANS: Cell[][] = [
  ['external_id', 'name', 'interval_count', 'interval_unit'],
  ['pro', 'Pro', 1, 'month'],
];

export const INVOICES: Cell[][] = [
  ['invoice_external_id', 'customer_external_id', 'date', 'currency', 'type', 'plan_external_id', 'subscription_external_id', 'service_period_start', 'service_period_end', 'amount_in_cents'],
  ['I-1', 'C-1', '2024-03-01', 'USD', 'subscription', 'pro', 'S-1', '2024-03-01', '2024-04-01', 1000],
  ['I-1', 'C-1', '2024-03-01', 'USD', 'one_time', '', '', '', '', 500],
  ['I-2', 'C-2', '2024-03-01', 'EUR', 'subscription', 'pro', 'S-2', '2024-03-01', '2024-04-01', 2000],
  ['I-3', 'C-4', '2024-03-01', 'EUR', 'subscription', 'pro', 'S-4', '2024-03-01', '2024-04-01', 3000],
];

export const TRANSACTIONS: Cell[][] = [
  ['invoice_external_id', 'type', 'date', 'result', 'external_id'],
  ['I-1', 'payment', '2024-03-02', 'successful', 'T-1'],
  ['I-2', 'payment', '2024-03-02', 'successful', ''],
];
