// The Import panel in Chromium against the real server functions (templates, import engine, scheduler) over the fakes,
// talking to the ChartMogul emulator in a child process: insert templates, check bad rows, import to the end, undo.

import { mkdirSync } from 'fs';
import { join } from 'path';
import type { Browser, Page } from 'playwright-core';
import { startEmulatorProcess, type EmulatorProcess } from '../support/emulator-process';
import { callEntry, repoRoot } from '../support/load-bundle';
import { browserPath, launchBrowser, NO_BROWSER_MESSAGE } from './browser';
import { openSidebar, settle } from './sidebar-harness';

const hasBrowser = browserPath() !== null;
if (!hasBrowser) console.log(NO_BROWSER_MESSAGE);
const describeBrowser = hasBrowser ? describe : describe.skip;

const text = (page: Page, sel: string) => page.textContent(sel).then((t) => (t ?? '').trim());

describeBrowser('Import panel with the real engine (Chromium + emulator)', () => {
  let browser: Browser;
  let emu: EmulatorProcess;
  beforeAll(async () => {
    [browser, emu] = await Promise.all([launchBrowser(), startEmulatorProcess()]);
  }, 60000);
  afterAll(async () => {
    await browser?.close();
    await emu?.stop();
  });

  it('inserts templates, shows check errors, imports to the end with counts, then undoes after confirming', async () => {
    const res = await fetch(emu.url + '/v1/data_sources', {
      method: 'POST',
      headers: { Authorization: 'Basic ' + Buffer.from(emu.readWriteKey + ':').toString('base64'), 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Sheets' }),
    });
    const ds = { uuid: ((await res.json()) as { uuid: string }).uuid, name: 'Sheets' };
    const { page, env, context } = await openSidebar(browser, {
      prepare: (ctx, e) => {
        e.untracked(() => {
          e.properties.script.setProperty('CHARTMOGUL_API_BASE', emu.url);
          e.properties.user.setProperty('CHARTMOGUL_API_KEY', emu.readWriteKey);
          e.properties.document.setProperty('CHARTMOGUL_DATA_SOURCE', JSON.stringify(ds));
        });
        callEntry(ctx, 'testConnection'); // caches the account, so getSettings reports "connected"
      },
    });
    await page.waitForSelector('#tab-import.active');
    await settle(page);
    await page.click('#imp-insert');
    await settle(page);
    expect(await text(page, '#imp-msg')).toContain('Created Customers, Plans');

    // A user fills Customers and Plans under the inserted headers; one customer row lacks its name.
    env.untracked(() => {
      const c = env.spreadsheet.getSheetByName('Customers')!;
      c.getRange(2, 1, 4, 2).setValues([['C-1', 'Acme'], ['C-2', 'Beta'], ['C-3', ''], ['C-4', 'Delta']]);
      env.spreadsheet.getSheetByName('Plans')!.getRange(2, 1, 1, 4).setValues([['pro', 'Pro', 1, 'month']]);
    });
    await page.click('#imp-refresh'); // the rows changed behind the panel's back
    await settle(page);
    expect(await text(page, '#imp-tabs')).toContain('Customers (4 rows)');
    for (const t of ['Invoices', 'Transactions', 'Subscription events', 'Cancellations', 'Attributes']) {
      await page.uncheck(`#imp-tabs input[value="${t}"]`);
    }
    await page.click('#imp-check');
    await settle(page);
    expect(await text(page, '#imp-check-result')).toContain('Customers row 4: name');

    await page.click('#imp-start');
    await settle(page);
    expect(await text(page, '#imp-estimate-text')).toMatch(/^~\d+ API calls of your 20,000 daily quota \(5 rows, /);
    await page.click('#imp-go');
    await page.waitForSelector('#imp-undo:not([hidden])', { timeout: 30000 });
    await settle(page);
    expect(await text(page, '#imp-summary [data-tab=Customers]')).toBe('Customers: 3 imported, 1 error');
    expect(await text(page, '#imp-summary [data-tab=Plans]')).toBe('Plans: 1 imported');
    expect(await text(page, '#imp-progress-text')).toMatch(/^5 of 5 rows/);
    expect(env.triggers.list().map((t) => t.handlerFunction)).toEqual(['runScheduledWork']);
    mkdirSync(join(repoRoot, 'docs'), { recursive: true });
    await page.screenshot({ path: join(repoRoot, 'docs', 'sidebar-import.png'), fullPage: true });

    page.once('dialog', (d) => void d.accept());
    await page.click('#imp-undo');
    await page.waitForSelector('#imp-undo-result .msg', { timeout: 30000 });
    expect(await text(page, '#imp-undo-result')).toBe('Deleted 3 customers, 1 plan, 0 invoices and 0 subscription events from ChartMogul.');
    expect(typeof context.importTabs).toBe('function');
    await page.close();
  }, 90000);
});
