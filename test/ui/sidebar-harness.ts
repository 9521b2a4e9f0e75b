// Opens dist/Sidebar.html in Chromium with google.script.run bridged to the bundle running over the Apps Script fakes.
// Returns the page plus the environment so tests can check both what the sidebar shows and what the server did.

import { readFileSync } from 'fs';
import { join } from 'path';
import type { Browser, Page } from 'playwright-core';
import { createGasEnvironment, type GasEnvironment, type GasEnvironmentOptions } from '../fakes';
import { loadBundle, repoRoot, type BundleContext } from '../support/load-bundle';
import { invokeServerFunction, SCRIPT_RUN_SHIM } from '../support/script-run-bridge';

export interface SidebarSession {
  page: Page;
  env: GasEnvironment;
  context: BundleContext;
  calls: { name: string; args: unknown[] }[];
}

export async function openSidebar(
  browser: Browser,
  options: { env?: GasEnvironment; envOptions?: GasEnvironmentOptions; prepare?: (ctx: BundleContext, env: GasEnvironment) => void } = {},
): Promise<SidebarSession> {
  const env = options.env ?? createGasEnvironment(options.envOptions);
  const context = loadBundle(env);
  options.prepare?.(context, env);
  const calls: { name: string; args: unknown[] }[] = [];
  const page = await browser.newPage({ viewport: { width: 300, height: 700 } });
  await page.exposeFunction('__gasInvoke', (name: string, argsJson: string) => {
    const args = JSON.parse(argsJson) as unknown[];
    calls.push({ name, args });
    return invokeServerFunction(context, name, args);
  });
  await page.addInitScript(SCRIPT_RUN_SHIM);
  const html = readFileSync(join(repoRoot, 'dist', 'Sidebar.html'), 'utf8');
  // Served from a routed URL (not setContent) so the init script runs before the page's own script.
  await page.route('http://sidebar.test/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
  await page.goto('http://sidebar.test/Sidebar.html', { waitUntil: 'load' });
  return { page, env, context, calls };
}

/** Waits until every google.script.run call the page made has been answered. */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => ((window as unknown as { __gasPending?: number }).__gasPending || 0) === 0);
}
