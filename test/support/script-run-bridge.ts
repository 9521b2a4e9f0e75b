// google.script.run as the real bridge behaves: the page-side shim (a script string) and the server-side host.
// Shared by the Playwright sidebar tests and the local playground; the host calls the bundle's top-level functions.

import type { BundleContext } from './load-bundle';

/** Why a value cannot cross google.script.run (Dates, functions, DOM nodes, class instances), or null if it can. */
export function illegalValue(value: unknown, path = '0'): string | null {
  if (value === null || value === undefined) return null;
  const t = typeof value;
  if (t === 'string' || t === 'number' || t === 'boolean') return null;
  if (t === 'function' || t === 'symbol' || t === 'bigint') return path;
  if (value instanceof Date) return path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = illegalValue(value[i], path + '.' + i);
      if (bad) return bad;
    }
    return null;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== null && proto !== Object.prototype && proto.constructor?.name !== 'Object') return path;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const bad = illegalValue(v, k);
    if (bad) return bad;
  }
  return null;
}

export interface BridgeResult {
  ok: boolean;
  value?: unknown;
  error?: { name: string; message: string };
}

/** Server side: runs a public top-level function of the bundle, refusing what Apps Script would refuse. */
export function invokeServerFunction(context: BundleContext, name: string, args: unknown[]): BridgeResult {
  if (!/^[A-Za-z$][\w$]*$/.test(name) || name.endsWith('_')) {
    return { ok: false, error: { name: 'ScriptError', message: `Script function not found: ${name}` } };
  }
  const fn = context[name];
  if (typeof fn !== 'function' || name === 'CMAddon') {
    return { ok: false, error: { name: 'ScriptError', message: `Script function not found: ${name}` } };
  }
  try {
    const value = (fn as (...a: unknown[]) => unknown)(...args);
    const bad = illegalValue(value);
    if (bad) return { ok: false, error: { name: 'ScriptError', message: `Failed due to illegal value in property: ${bad}` } };
    return { ok: true, value: value === undefined ? null : JSON.parse(JSON.stringify(value)) };
  } catch (e) {
    const err = e as Error;
    return { ok: false, error: { name: err && err.name ? err.name : 'Error', message: err && err.message ? err.message : String(e) } };
  }
}

/**
 * Page side: defines window.google.script.run over `window.__gasInvoke(name, argsJson) -> Promise<BridgeResult>`.
 * Arguments with Dates or functions throw at the call site like the real bridge; undefined in arrays becomes null.
 */
export const SCRIPT_RUN_SHIM = `(() => {
  function illegal(v, path) {
    if (v === null || v === undefined) return null;
    var t = typeof v;
    if (t === 'string' || t === 'number' || t === 'boolean') return null;
    if (t === 'function' || t === 'symbol') return path;
    if (v instanceof Date) return path;
    if (typeof Node !== 'undefined' && v instanceof Node) return path;
    if (Array.isArray(v)) { for (var i = 0; i < v.length; i++) { var b = illegal(v[i], path + '.' + i); if (b) return b; } return null; }
    var proto = Object.getPrototypeOf(v);
    if (proto !== null && proto !== Object.prototype) return path;
    for (var k in v) { var c = illegal(v[k], k); if (c) return c; }
    return null;
  }
  function makeRunner(success, failure, userObject) {
    var target = {
      withSuccessHandler: function (f) { return makeRunner(f, failure, userObject); },
      withFailureHandler: function (f) { return makeRunner(success, f, userObject); },
      withUserObject: function (o) { return makeRunner(success, failure, o); },
    };
    return new Proxy(target, {
      get: function (t, name) {
        if (name in t) return t[name];
        if (typeof name !== 'string') return undefined;
        return function () {
          var args = Array.prototype.slice.call(arguments);
          for (var i = 0; i < args.length; i++) {
            var bad = illegal(args[i], String(i));
            if (bad) throw new Error('Failed due to illegal value in property: ' + bad);
          }
          window.__gasPending = (window.__gasPending || 0) + 1;
          window.__gasInvoke(name, JSON.stringify(args)).then(function (r) {
            window.__gasPending--;
            if (r.ok) { if (success) success(r.value, userObject); }
            else {
              var err = new Error(r.error.message); err.name = r.error.name;
              if (failure) failure(err, userObject); else console.error(err);
            }
          });
        };
      },
    });
  }
  window.google = window.google || {};
  window.google.script = window.google.script || {};
  window.google.script.run = makeRunner(null, null, undefined);
  window.google.script.host = { close: function () { window.__gasClosed = true; }, setHeight: function () {}, setWidth: function () {}, editor: { focus: function () {} } };
})();`;
