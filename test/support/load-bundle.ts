// Loads the built dist/Code.js into a Node vm context whose only globals are the Apps Script fakes.
// This is what Apps Script would see: tests call the top-level functions on the returned context.

import { readFileSync } from 'fs';
import { join } from 'path';
import * as vm from 'vm';
import type { GasEnvironment } from '../fakes';

export const repoRoot = join(__dirname, '..', '..');
export const bundlePath = join(repoRoot, 'dist', 'Code.js');

export type BundleContext = vm.Context & Record<string, unknown>;

export function readBundle(): string {
  return readFileSync(bundlePath, 'utf8');
}

export function loadBundle(env: GasEnvironment): BundleContext {
  const context = vm.createContext({ ...env.globals }) as BundleContext;
  env.bindRealm(context); // Dates and errors from the fakes belong to the bundle's realm, as in Apps Script
  new vm.Script(readBundle(), { filename: 'Code.js' }).runInContext(context);
  return context;
}

/** Calls a top-level function of the bundle by name, as a menu item, trigger or google.script.run would. */
export function callEntry<T = unknown>(context: BundleContext, name: string, ...args: unknown[]): T {
  const fn = context[name];
  if (typeof fn !== 'function') throw new Error(`${name} is not a top-level function of the bundle`);
  return (fn as (...a: unknown[]) => T)(...args);
}
