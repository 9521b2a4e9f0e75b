// Entry point of the Apps Script fakes: createGasEnvironment() wires every service to one clock, auth mode and counter.
// env.globals holds exactly the globals Apps Script offers us; installGlobals() copies them onto globalThis for tests.

import { join } from 'path';
import * as vm from 'vm';
import { FakeCache, FakeCacheService } from './cache';
import { CallCounter } from './call-counter';
import { ChartType } from './charts';
import { FakeHtmlService } from './html-service';
import { FakeHtmlOutput } from './html-service';
import { FakeLocks, FakeLockService } from './lock';
import { FakeConsole, FakeLogger } from './logger';
import { FakeProperties, FakePropertiesService } from './properties';
import { AuthModeName, LogEntry, Realm, Runtime, VirtualClock } from './runtime';
import { AuthMode, FakeScriptApp, FakeTriggerStore } from './script-app';
import { FakeSession } from './session';
import { FakeSpreadsheet } from './spreadsheet';
import { FakeSpreadsheetApp } from './spreadsheet-app';
import { FakeUi } from './ui';
import { FakeUrlFetchApp } from './url-fetch';
import { FakeUtilities } from './utilities';

export type { FakeSpreadsheet, FormulaEvaluator, Toast } from './spreadsheet';
export type { FakeSheet } from './sheet';
export type { FakeRange } from './range';
export type { FakeUi, MenuRecord, MenuItemRecord, AlertRecord, PromptRecord, DialogRecord } from './ui';
export type { FakeUrlFetchApp, RecordedRequest } from './url-fetch';
export type { FakeTriggerStore, TriggerInfo, TriggerSchedule } from './script-app';
export type { FakeCache } from './cache';
export type { FakeProperties } from './properties';
export type { FakeLocks, LockKind } from './lock';
export type { FakeHtmlOutput } from './html-service';
export type { LogEntry, AuthModeName } from './runtime';
export { CallCounter } from './call-counter';

export interface GasEnvironmentOptions {
  spreadsheetTimeZone?: string; // default 'Europe/Berlin' (deliberately not UTC)
  scriptTimeZone?: string; // default 'Etc/UTC'
  spreadsheetName?: string; // default 'Untitled spreadsheet'
  userEmail?: string; // default 'user@example.com'
  htmlDir?: string; // where HtmlService.createHtmlOutputFromFile(name) reads `${name}.html`; default <repo>/dist
  addonMenuName?: string; // the name Sheets shows for createAddonMenu(); default 'ChartMogul'
  authMode?: AuthModeName; // default 'FULL'
  now?: () => number; // clock in epoch ms; default Date.now. Utilities.sleep advances a virtual offset added to it
  urlFetchDailyQuota?: number; // default 20000
  // ---- beyond the agreed spec ----
  /** Default 'en'. */
  userLocale?: string;
  /** Per-request timeout of UrlFetchApp; default 30 000 ms. */
  urlFetchTimeoutMs?: number;
  /** Enforce the manifest's urlFetchWhitelist (URL prefixes); default: not enforced. */
  urlFetchWhitelist?: string[];
  /** Random source for cache eviction; default Math.random. */
  random?: () => number;
  /** Also print Logger/console output to stdout; default false (always recorded in env.logs). */
  echoLogs?: boolean;
  /** Default: a fixed 44-character fake id. */
  spreadsheetId?: string;
}

export interface GasEnvironment {
  globals: Record<string, unknown>;
  spreadsheet: FakeSpreadsheet;
  ui: FakeUi;
  calls: CallCounter;
  triggers: FakeTriggerStore;
  urlFetch: FakeUrlFetchApp;
  setAuthMode(mode: AuthModeName): void;
  clock: { now(): number; advance(ms: number): void };
  // ---- beyond the agreed spec ----
  readonly authMode: AuthModeName;
  /** Every Logger.log / console.* message, oldest first. */
  logs: LogEntry[];
  properties: { user: FakeProperties; document: FakeProperties; script: FakeProperties };
  caches: {
    script: FakeCache;
    document: FakeCache;
    user: FakeCache;
    evictAll(): void;
    setEvictionProbability(p: number): void;
  };
  locks: FakeLocks;
  /** Runs fn as the test harness: its fake calls are neither counted nor auth-checked. */
  untracked<T>(fn: () => T): T;
  /**
   * Makes Dates and Errors handed to script code come from the given vm context (or {Date, Error} pair), so
   * `x instanceof Date` / `e instanceof Error` inside a bundle loaded with vm behaves as in Apps Script.
   */
  bindRealm(contextOrRealm: object): void;
  /** A trigger event object: { authMode, source, triggerUid?, user, ...extra }. */
  eventObject(extra?: Record<string, unknown>): Record<string, unknown>;
}

let envCount = 0;

export function createGasEnvironment(options: GasEnvironmentOptions = {}): GasEnvironment {
  envCount++;
  const userEmail = options.userEmail ?? 'user@example.com';
  const clock = new VirtualClock(options.now ?? Date.now);
  const counter = new CallCounter();
  const rt = new Runtime(counter, clock, options.authMode ?? 'FULL');
  const random = options.random ?? Math.random;
  const echo = !!options.echoLogs;

  const id = options.spreadsheetId ?? ('1FakeSpreadsheetId' + String(envCount).padStart(26, '0'));
  const spreadsheet = new FakeSpreadsheet(rt, id, options.spreadsheetName ?? 'Untitled spreadsheet', options.spreadsheetTimeZone ?? 'Europe/Berlin');
  const ui = new FakeUi(rt, options.addonMenuName ?? 'ChartMogul', (x): x is FakeHtmlOutput => x instanceof FakeHtmlOutput);
  const triggers = new FakeTriggerStore(rt);
  const urlFetch = new FakeUrlFetchApp(rt, {
    dailyQuota: options.urlFetchDailyQuota ?? 20000,
    timeoutMs: options.urlFetchTimeoutMs ?? 30000,
    whitelist: options.urlFetchWhitelist,
  });
  const properties = {
    user: new FakeProperties(rt, 'user'),
    document: new FakeProperties(rt, 'document'),
    script: new FakeProperties(rt, 'script'),
  };
  const cacheStores = {
    script: new FakeCache(rt, 'script', random),
    document: new FakeCache(rt, 'document', random),
    user: new FakeCache(rt, 'user', random),
  };
  const locks = new FakeLocks(rt);

  const globals: Record<string, unknown> = {
    SpreadsheetApp: new FakeSpreadsheetApp(rt, spreadsheet, ui),
    Charts: { ChartType },
    UrlFetchApp: urlFetch,
    PropertiesService: new FakePropertiesService(rt, properties),
    CacheService: new FakeCacheService(rt, cacheStores),
    LockService: new FakeLockService(rt, locks),
    Utilities: new FakeUtilities(rt),
    Session: new FakeSession(rt, {
      userEmail: () => userEmail,
      scriptTimeZone: options.scriptTimeZone ?? 'Etc/UTC',
      locale: options.userLocale ?? 'en',
    }),
    ScriptApp: new FakeScriptApp(rt, triggers, () => userEmail, id),
    HtmlService: new FakeHtmlService(rt, options.htmlDir ?? join(__dirname, '..', '..', 'dist')),
    Logger: new FakeLogger(rt, echo),
    console: new FakeConsole(rt, echo),
  };

  return {
    globals,
    spreadsheet,
    ui,
    calls: counter,
    triggers,
    urlFetch,
    setAuthMode(mode: AuthModeName) {
      if (!(mode in AuthMode)) throw new Error(`Unknown auth mode ${String(mode)}`);
      rt.authMode = mode;
    },
    clock: { now: () => clock.now(), advance: (ms: number) => clock.advance(ms) },
    get authMode() {
      return rt.authMode;
    },
    logs: rt.logs,
    properties,
    caches: {
      ...cacheStores,
      evictAll: () => Object.values(cacheStores).forEach((c) => c.evictAll()),
      setEvictionProbability: (p: number) => Object.values(cacheStores).forEach((c) => c.setEvictionProbability(p)),
    },
    locks,
    untracked: <T>(fn: () => T) => rt.untracked(fn),
    bindRealm(contextOrRealm: object) {
      const realm = (vm.isContext(contextOrRealm) ? vm.runInContext('({ Date: Date, Error: Error })', contextOrRealm) : contextOrRealm) as Realm;
      if (typeof realm.Date !== 'function' || typeof realm.Error !== 'function') throw new Error('bindRealm needs a vm context or { Date, Error }');
      rt.realm = { Date: realm.Date, Error: realm.Error };
    },
    eventObject(extra: Record<string, unknown> = {}) {
      return {
        authMode: AuthMode[rt.authMode],
        source: rt.authMode === 'NONE' ? undefined : spreadsheet,
        user: { getEmail: () => (rt.authMode === 'FULL' ? userEmail : ''), email: rt.authMode === 'FULL' ? userEmail : '' },
        ...extra,
      };
    },
  };
}

/** Copies env.globals onto globalThis (for tests that import src/gas modules directly); returns a function that restores. */
export function installGlobals(env: GasEnvironment): () => void {
  const g = globalThis as Record<string, unknown>;
  const saved = Object.keys(env.globals).map((k) => [k, Object.getOwnPropertyDescriptor(g, k)] as const);
  for (const [k, v] of Object.entries(env.globals)) {
    Object.defineProperty(g, k, { value: v, configurable: true, writable: true, enumerable: false });
  }
  return () => {
    for (const [k, d] of saved) {
      if (d) Object.defineProperty(g, k, d);
      else delete g[k];
    }
  };
}
