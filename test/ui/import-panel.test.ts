// The Import panel in Chromium: google.script.run bridged to the bundle over the fakes (templates, scheduler real;
// the import engine's functions scripted by import-stubs). Insert, check, estimate, chunked import, cancel, resume, undo.

import { mkdirSync } from 'fs';
import { join } from 'path';
import type { Browser, Page } from 'playwright-core';
import { repoRoot } from '../support/load-bundle';
import { browserPath, launchBrowser, NO_BROWSER_MESSAGE } from './browser';
import { installImportStubs, type StubImport } from './import-stubs';
import { openSidebar, settle, type SidebarSession } from './sidebar-harness';

const hasBrowser = browserPath() !== null;
if (!hasBrowser) console.log(NO_BROWSER_MESSAGE);
const describeBrowser = hasBrowser ? describe : describe.skip;

async function openImport(browser: Browser, opts: { rowsTotal: number; perChunk: number; unfinished?: boolean; tabs?: string[]; backgroundError?: string }) {
  let stub: StubImport | undefined;
  const session = await openSidebar(browser, {
    prepare: (ctx, env) => {
      stub = installImportStubs(ctx, opts);
      env.untracked(() => {
        if (opts.backgroundError) {
          const record = { lastRunAt: '2026-01-05T10:00:00.000Z', lastResult: 'import: failed', lastError: opts.backgroundError, needsTrigger: true, outcomes: [] };
          env.properties.document.setProperty('CHARTMOGUL_SCHEDULER_STATUS', JSON.stringify(record));
        }
        for (const t of opts.tabs ?? []) env.spreadsheet.insertSheet(t).getRange(1, 1, 4, 1).setValues([['external_id'], ['a'], ['b'], ['c']]);
      });
    },
  });
  await session.page.waitForSelector('#tab-import.active');
  await settle(session.page);
  return { ...session, stub: stub as StubImport };
}

const text = (page: Page, sel: string) => page.textContent(sel).then((t) => (t ?? '').trim());

describeBrowser('Import panel (Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60000);
  afterAll(async () => {
    await browser?.close();
  });
  let session: SidebarSession | undefined;
  afterEach(async () => {
    await session?.page.close();
    session = undefined;
  });

  it('inserts the templates and lists the tabs with their rows', async () => {
    const s = await openImport(browser, { rowsTotal: 30, perChunk: 10 });
    session = s;
    const { page, env } = s;
    expect(await page.isHidden('#imp-background')).toBe(true);
    expect(await page.locator('#imp-tabs input[data-present=false]').count()).toBe(7);
    await page.click('#imp-insert');
    await settle(page);
    expect(await text(page, '#imp-msg')).toBe('Created Customers, Plans, Invoices, Transactions, Subscription events, Cancellations, Attributes.');
    expect(await page.locator('#imp-tabs input[data-present=true]:checked').count()).toBe(7);
    expect(env.untracked(() => env.spreadsheet.getSheets().map((x) => x.getName()))).toContain('Subscription events');
    expect(await text(page, '#imp-tabs')).toContain('Customers (0 rows)');
  }, 60000);

  it('inserts only the ticked missing tabs', async () => {
    const s = await openImport(browser, { rowsTotal: 30, perChunk: 10, tabs: ['Customers'] });
    session = s;
    await s.page.check('#imp-tabs input[value=Plans]');
    await s.page.click('#imp-insert');
    await settle(s.page);
    expect(await text(s.page, '#imp-msg')).toBe('Created Plans.');
    expect(s.calls.filter((c) => c.name === 'insertTemplates').map((c) => c.args)).toEqual([[['Plans']]]);
  }, 60000);

  it('check shows per-tab counts and the row errors as text', async () => {
    const s = await openImport(browser, { rowsTotal: 30, perChunk: 10, tabs: ['Customers', 'Plans'] });
    session = s;
    await s.page.click('#imp-check');
    await settle(s.page);
    expect(s.stub.calls.find((c) => c.name === 'checkTabs')?.args).toEqual([['Customers', 'Plans']]);
    const result = await text(s.page, '#imp-check-result');
    expect(result).toContain('2 rows with problems in 6 rows.');
    expect(result).toContain('Customers: 3 rows, 2 errors, ignored columns: notes');
    expect(result).toContain('Customers row 3: name: required, the cell is empty');
    expect(result).toContain('<b>country</b>'); // shown as text, not markup
    expect(await s.page.locator('#imp-check-result b:text("country")').count()).toBe(0);
  }, 60000);

  it('shows the estimate, imports chunk by chunk with progress and finishes with counts', async () => {
    const s = await openImport(browser, { rowsTotal: 40, perChunk: 10, tabs: ['Customers', 'Plans'] });
    session = s;
    const { page, env } = s;
    await page.selectOption('#imp-mode', 'bulk');
    await page.check('#imp-replace');
    await page.click('#imp-start');
    await settle(page);
    expect(await text(page, '#imp-estimate-text')).toBe('~1,240 API calls of your 20,000 daily quota (40 rows, Row by row mode)');
    expect(s.stub.calls[0]).toEqual({ name: 'estimateImport', args: [['Customers', 'Plans'], { mode: 'bulk', replaceChangedInvoices: true }] });
    await page.click('#imp-go');
    await page.waitForSelector('#imp-undo:not([hidden])');
    await settle(page);
    const chunks = s.stub.calls.filter((c) => c.name === 'importTabs');
    expect(chunks).toHaveLength(4);
    for (const c of chunks) expect(c.args).toEqual([['Customers', 'Plans'], { mode: 'bulk', replaceChangedInvoices: true, timeBudgetMs: 25000 }]);
    expect(env.triggers.list().map((t) => t.handlerFunction)).toEqual(['runScheduledWork']); // ensured before the run
    expect(await page.getAttribute('#imp-progress progress', 'max')).toBe('40');
    expect(await page.evaluate(() => (document.querySelector('#imp-progress progress') as HTMLProgressElement).value)).toBe(40);
    expect(await text(page, '#imp-progress-text')).toBe('40 of 40 rows · 120 rows/min');
    expect(await text(page, '#imp-summary [data-tab=Customers]')).toBe('Customers: 29 imported, 1 error');
    expect(await text(page, '#imp-summary [data-tab=Plans]')).toBe('Plans: 10 imported');
    expect(await text(page, '#imp-summary')).toContain('Customers row 31: email: "bob@" is not an email address');
    expect(await text(page, '#imp-run-msg')).toBe('Import finished with errors.');
    expect(await page.isHidden('#imp-cancel')).toBe(true);
    mkdirSync(join(repoRoot, 'docs'), { recursive: true });
    await page.screenshot({ path: join(repoRoot, 'docs', 'sidebar-import.png'), fullPage: true });
  }, 60000);

  it('cancel stops after the current chunk', async () => {
    const s = await openImport(browser, { rowsTotal: 1_000_000, perChunk: 1, tabs: ['Customers'] });
    session = s;
    const { page } = s;
    await page.click('#imp-start');
    await settle(page);
    await page.click('#imp-go');
    await page.waitForFunction(() => /of 1,000,000 rows/.test(document.querySelector('#imp-progress')?.textContent ?? ''));
    await page.click('#imp-cancel');
    await page.waitForSelector('#imp-cancel', { state: 'hidden' });
    await settle(page);
    const names = s.stub.calls.map((c) => c.name);
    expect(names[names.length - 1]).toBe('cancelImport');
    const chunks = names.filter((n) => n === 'importTabs').length;
    await page.waitForTimeout(300);
    expect(s.stub.calls.filter((c) => c.name === 'importTabs')).toHaveLength(chunks); // no more chunks after cancel
    expect(chunks).toBeLessThan(1_000_000);
    expect(await text(page, '#imp-run-msg')).toBe('Import cancelled. Rows already sent stay in ChartMogul.');
    expect(await text(page, '#imp-summary h2')).toBe('Import cancelled');
  }, 60000);

  it('shows an unfinished run on open and resumes it', async () => {
    const s = await openImport(browser, { rowsTotal: 40, perChunk: 10, unfinished: true, tabs: ['Customers', 'Plans'], backgroundError: 'import: Invalid API key' });
    session = s;
    const { page } = s;
    expect(await page.isVisible('#imp-resume')).toBe(true);
    // The time as the user reads it (in the browser's zone), without the scheduler's "import:" prefix.
    expect(await text(page, '#imp-background')).toMatch(/^The last background import \(Jan 5, 2026, \d{1,2}:\d{2} [AP]M\) failed: Invalid API key$/);
    expect(await text(page, '#imp-resume-text')).toBe(
      'An import is unfinished (20 of 40 rows). If you close the sidebar, the import continues in the background about once an hour.');
    expect(await text(page, '#imp-progress-text')).toContain('20 of 40 rows');
    await page.click('#imp-resume-now');
    await page.waitForSelector('#imp-undo:not([hidden])');
    await settle(page);
    const chunks = s.stub.calls.filter((c) => c.name === 'importTabs');
    expect(chunks).toHaveLength(2);
    expect(chunks[0].args).toEqual([['Customers', 'Plans'], { mode: 'rows', timeBudgetMs: 25000 }]);
    expect(await page.isHidden('#imp-resume')).toBe(true);
  }, 60000);

  it('undo asks for confirmation first', async () => {
    const s = await openImport(browser, { rowsTotal: 40, perChunk: 40, tabs: ['Customers'] });
    session = s;
    const { page } = s;
    await page.click('#imp-start');
    await settle(page);
    await page.click('#imp-go');
    await page.waitForSelector('#imp-undo:not([hidden])');
    const dialogs: string[] = [];
    page.once('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()));
    await page.click('#imp-undo');
    await settle(page);
    expect(dialogs[0]).toContain('Delete everything this import created in ChartMogul');
    expect(s.stub.calls.some((c) => c.name === 'undoImport')).toBe(false);
    page.once('dialog', (d) => void d.accept());
    await page.click('#imp-undo');
    await page.waitForSelector('#imp-undo-result .msg');
    expect(s.stub.calls.find((c) => c.name === 'undoImport')?.args).toEqual(['run_1']);
    expect(await text(page, '#imp-undo-result')).toBe('Deleted 29 customers, 10 plans, 0 invoices and 0 subscription events from ChartMogul.');
  }, 60000);
});
