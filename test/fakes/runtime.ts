// Shared state of one fake Apps Script environment: virtual clock, auth mode, realm, call counter, logs.
// `instrument` wraps each fake object in a Proxy that counts every outermost method call and enforces the auth mode.

import { CallCounter } from './call-counter';

export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL' | 'CUSTOM_FUNCTION';

/** Constructors used for values handed to script code; bindRealm() swaps in a vm context's own ones. */
export interface Realm {
  Date: DateConstructor;
  Error: ErrorConstructor;
}

export interface LogEntry {
  source: 'Logger' | 'console';
  level: 'log' | 'info' | 'warn' | 'error' | 'debug';
  message: string;
  at: number;
}

export class VirtualClock {
  private offset = 0;
  constructor(private readonly base: () => number) {}
  now(): number {
    return this.base() + this.offset;
  }
  advance(ms: number): void {
    if (!(ms >= 0)) throw new Error(`clock.advance: ms must be >= 0, got ${ms}`);
    this.offset += ms;
  }
}

/** Methods that need authorization beyond what an add-on has in LIMITED / CUSTOM_FUNCTION. */
const TRIGGER_METHODS = /^ScriptApp\.(newTrigger|getProjectTriggers|getUserTriggers|deleteTrigger)$|^ScriptApp\.(TriggerBuilder|ClockTriggerBuilder|SpreadsheetTriggerBuilder)\./;
const NONE_ALLOWED = /^(SpreadsheetApp\.getUi|SpreadsheetApp\.Ui\.(createAddonMenu|createMenu)|SpreadsheetApp\.Menu\..*|Session\.getActiveUserLocale|Logger\..*|console\..*)$/;
const SPREADSHEET_OBJECT = /^SpreadsheetApp\.(Spreadsheet|Sheet|Range)\./;

export class Runtime {
  realm: Realm = { Date, Error };
  /** Nesting of fake method calls: only calls made at depth 0 (by script code) are counted and auth-checked. */
  depth = 0;
  readonly logs: LogEntry[] = [];

  constructor(
    readonly counter: CallCounter,
    readonly clock: VirtualClock,
    public authMode: AuthModeName,
  ) {}

  /** An Apps Script service exception: name 'Exception', so String(e) is 'Exception: <message>'. */
  error(message: string): Error {
    const e = new this.realm.Error(message);
    e.name = 'Exception';
    return e;
  }

  date(ms: number): Date {
    return new this.realm.Date(ms);
  }

  isAllowed(key: string, method: string): boolean {
    switch (this.authMode) {
      case 'FULL':
        return true;
      case 'NONE':
        return NONE_ALLOWED.test(key);
      case 'LIMITED':
        return !key.startsWith('UrlFetchApp.') && !TRIGGER_METHODS.test(key);
      case 'CUSTOM_FUNCTION':
        if (SPREADSHEET_OBJECT.test(key)) return /^(get|is|has)[A-Z]/.test(method) || method === 'offset';
        if (/^SpreadsheetApp\.(getUi|Ui\.|Menu\.|openById|openByUrl|create)/.test(key)) return false;
        if (key.startsWith('HtmlService.')) return false;
        return !TRIGGER_METHODS.test(key);
    }
  }

  /** Runs `fn` as the environment itself (setup/inspection): no counting, no auth checks. */
  untracked<T>(fn: () => T): T {
    this.depth++;
    try {
      return fn();
    } finally {
      this.depth--;
    }
  }
}

const EMPTY = new Set<string>();

/**
 * Wraps `raw` so that each method call made by script code is counted under `service[.type].method` and checked
 * against the auth mode. Methods starting with '_' and those in `untracked` (test-facing helpers) are left alone.
 * A method that returns its own raw object returns the proxy instead, so chaining stays instrumented.
 */
export function instrument<T extends object>(
  raw: T,
  rt: Runtime,
  service: string,
  type: string | null,
  untracked: ReadonlySet<string> = EMPTY,
): T {
  const wrappers = new Map<string, unknown>();
  const proxy: T = new Proxy(raw, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (
        typeof value !== 'function' ||
        typeof prop !== 'string' ||
        prop === 'constructor' ||
        prop.startsWith('_') ||
        untracked.has(prop) ||
        prop in Object.prototype
      ) {
        return value;
      }
      const cached = wrappers.get(prop);
      if (cached) return cached;
      const key = type ? `${service}.${type}.${prop}` : `${service}.${prop}`;
      const display = type ? `${type}.${prop}` : `${service}.${prop}`;
      const wrapper = function (...args: unknown[]): unknown {
        if (rt.depth === 0) {
          rt.counter.increment(key);
          if (!rt.isAllowed(key, prop)) throw rt.error(`You do not have permission to call ${display}`);
        }
        rt.depth++;
        try {
          const fn = Reflect.get(target, prop, target) as (...a: unknown[]) => unknown;
          const result = fn.apply(target, args);
          return result === target ? proxy : result;
        } finally {
          rt.depth--;
        }
      };
      Object.defineProperty(wrapper, 'name', { value: prop });
      wrappers.set(prop, wrapper);
      return wrapper;
    },
  });
  return proxy;
}

/** True for Date objects from any realm (vm contexts have their own Date). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

export function dateMs(value: Date): number {
  return Date.prototype.getTime.call(value);
}
