// Test helpers: start `tsx test/playground/cli.ts` on a free port with a temp data dir (as `npm start` would run it),
// read the URLs and keys it prints, stop it with SIGINT; plus page helpers that wait for the server to settle.

import { spawn, type ChildProcess } from 'child_process';
import { existsSync } from 'fs';
import { join } from 'path';
import type { Frame, Page } from 'playwright-core';
import { repoRoot } from '../support/load-bundle';
import type { WorkbookView } from './protocol';

export interface RunningPlayground {
  url: string;
  emulatorUrl: string;
  readWriteKey: string;
  readOnlyKey: string;
  output: () => string;
  pid: number;
  /** SIGINT (Ctrl-C), then the exit code once the CLI has ended (null when a signal killed it). */
  stop(): Promise<number | null>;
}

export function startPlayground(dataDir: string, extra: string[] = [], timeoutMs = 90000): Promise<RunningPlayground> {
  const built = ['Code.js', 'Sidebar.html', 'appsscript.json'].every((f) => existsSync(join(repoRoot, 'dist', f)));
  const args = ['--import', 'tsx', join('test', 'playground', 'cli.ts'), '--port', '0', '--data-dir', dataDir, ...(built ? ['--no-build'] : []), ...extra];
  const child: ChildProcess = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      clearInterval(poll);
      child.kill('SIGKILL');
      reject(new Error('playground did not start in time:\n' + out));
    }, timeoutMs);
    const onEarlyExit = (code: number | null): void => {
      clearTimeout(timer);
      clearInterval(poll);
      reject(new Error(`playground exited with ${code}:\n${out}`));
    };
    child.once('exit', onEarlyExit);
    const poll = setInterval(() => {
      const url = /Playground ready: (\S+)/.exec(out)?.[1];
      if (!url) return;
      clearInterval(poll);
      clearTimeout(timer);
      child.off('exit', onEarlyExit);
      resolve({
        url,
        emulatorUrl: /ChartMogul emulator: (\S+)/.exec(out)?.[1] ?? '',
        readWriteKey: /read & write key: (\S+)/.exec(out)?.[1] ?? '',
        readOnlyKey: /read-only key: +(\S+)/.exec(out)?.[1] ?? '',
        output: () => out,
        pid: child.pid as number,
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
          return exited;
        },
      });
    }, 50);
  });
}

/** Waits until the page and its add-on frames have no request in flight. */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { __pgPending?: number }).__pgPending === 0);
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    await frame.waitForFunction(() => ((window as unknown as { __gasPending?: number }).__gasPending || 0) === 0).catch(() => undefined);
  }
  await page.waitForFunction(() => (window as unknown as { __pgPending?: number }).__pgPending === 0);
}

export async function view(page: Page): Promise<WorkbookView> {
  return page.evaluate(() => (window as unknown as { __pgView: WorkbookView }).__pgView);
}

export async function cellText(page: Page, a1: string): Promise<string> {
  return (await page.locator(`td[data-cell="${a1}"]`).innerText()).trim();
}

/** Selects a cell, types text and presses Enter, like a user; waits for the server to answer. */
export async function typeInto(page: Page, a1: string, text: string): Promise<void> {
  await page.click(`td[data-cell="${a1}"]`);
  await page.keyboard.type(text.slice(0, 1));
  await page.locator('input.cell-editor').fill(text);
  await page.keyboard.press('Enter');
  await settle(page);
}

/** Pastes tab-separated text at the selected cell through a real paste event (what Ctrl-V does). */
export async function pasteAt(page: Page, a1: string, tsv: string): Promise<void> {
  await page.click(`td[data-cell="${a1}"]`);
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, tsv);
  await settle(page);
}

export async function openTab(page: Page, name: string): Promise<void> {
  await page.click(`#tabs button:text-is("${name}")`);
  await settle(page);
}

export async function openSidebarFromMenu(page: Page): Promise<Frame> {
  await page.click('#menu-extensions-button');
  await page.click('#menu-extensions-list button[data-fn="showSidebar"]');
  await page.waitForSelector('#sidebar:not([hidden])');
  const handle = await page.waitForSelector('#sidebar-frame');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('no sidebar frame');
  await frame.waitForLoadState('load');
  await settle(page);
  return frame;
}

export const docsPath = (name: string): string => join(repoRoot, 'docs', name);
