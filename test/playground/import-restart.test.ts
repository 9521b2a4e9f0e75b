// Flows 2 and 4: the sidebar opens from the menu and shows the demo account connected; templates, a pasted block of
// 50 customers and 60 invoices, Import, receipts beside every row, data in the emulator; restart keeps it; --reset clears.

import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Browser, Frame, Page } from 'playwright-core';
import { browserPath, launchBrowser, NO_BROWSER_MESSAGE } from '../ui/browser';
import { docsPath, openSidebarFromMenu, openTab, pasteAt, settle, startPlayground, view, type RunningPlayground } from './harness';

const HAS_BROWSER = browserPath() !== null;
if (!HAS_BROWSER) console.warn(NO_BROWSER_MESSAGE);
const describeIfBrowser = HAS_BROWSER ? describe : describe.skip;

jest.setTimeout(240000);

const CUSTOMER_COLUMNS = 13; // external_id … tags (src/core/import/templates.ts), then 4 receipt columns
const INVOICE_COLUMNS = 25;
const OK = ['imported', 'updated', 'exists', 'unchanged'];

function customersTsv(): string {
  const rows: string[] = [];
  for (let i = 1; i <= 50; i++) {
    const n = String(i).padStart(3, '0');
    rows.push([`PG-C${n}`, `Playground Customer ${n}`, `pg${n}@example.com`, `Playground ${n} Ltd`, i % 2 ? 'US' : 'DE', '', i % 2 ? 'New York' : 'Berlin', '', '', '', '2026-01-05', '', 'playground'].join('\t'));
  }
  return rows.join('\n');
}

function invoicesTsv(): string {
  const rows: string[] = [];
  for (let i = 1; i <= 60; i++) {
    const customer = String(((i - 1) % 50) + 1).padStart(3, '0');
    const month = i <= 50 ? '06' : '07';
    const line = new Array<string>(INVOICE_COLUMNS).fill('');
    Object.assign(line, {
      0: `PG-INV-${String(i).padStart(3, '0')}`, 1: `PG-C${customer}`, 2: `2026-${month}-01`, 3: 'USD', 6: 'subscription',
      7: 'starter-monthly', 8: `PG-S${customer}`, 10: `2026-${month}-01`, 11: `2026-${month === '06' ? '07' : '08'}-01`, 12: '29.00', 13: '1',
    });
    rows.push(line.join('\t'));
  }
  return rows.join('\n');
}

/** GET with the read-only key; waits and retries on 429 (the emulator enforces ChartMogul's 40 requests/s). */
async function emulatorGet<T>(pg: RunningPlayground, path: string): Promise<T> {
  let res = await fetch(pg.emulatorUrl + path, { headers: { authorization: 'Basic ' + Buffer.from(pg.readOnlyKey + ':').toString('base64') } });
  for (let i = 0; i < 5 && res.status === 429; i++) {
    await new Promise((r) => setTimeout(r, 1100));
    res = await fetch(pg.emulatorUrl + path, { headers: { authorization: 'Basic ' + Buffer.from(pg.readOnlyKey + ':').toString('base64') } });
  }
  if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
  return (await res.json()) as T;
}

async function receipts(page: Page, tab: string, statusCol: number, rows: number): Promise<Array<{ status: string; uuid: string }>> {
  await openTab(page, tab);
  const v = await view(page);
  const at = (r: number, c: number) => v.sheet.cells.find((x) => x.r === r && x.c === c)?.t ?? '';
  return Array.from({ length: rows }, (_, i) => ({ status: at(i + 2, statusCol), uuid: at(i + 2, statusCol + 1) }));
}

describeIfBrowser('playground: sidebar import, restart and reset', () => {
  let dir: string;
  let pg: RunningPlayground;
  let browser: Browser;
  let page: Page;
  let sidebar: Frame;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pg-import-'));
    pg = await startPlayground(dir);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await page.goto(pg.url);
    await page.waitForSelector('td[data-cell="A16"]');
    await settle(page);
  });

  afterAll(async () => {
    await browser?.close();
    await pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens the real sidebar from Extensions › ChartMogul with the demo account connected', async () => {
    sidebar = await openSidebarFromMenu(page);
    await sidebar.waitForSelector('#status.connected');
    expect(await sidebar.locator('#status').innerText()).toContain('Demo SaaS Inc.');
    await sidebar.click('#tab-settings');
    await settle(page);
    await page.screenshot({ path: docsPath('playground-sidebar.png') });
  });

  it('inserts templates, takes a pasted block of 50 customers and 60 invoices, and imports them with receipts', async () => {
    await sidebar.click('#tab-import');
    await sidebar.click('#imp-insert');
    await sidebar.waitForSelector('#imp-msg.ok, #imp-msg.msg.ok');
    await settle(page);
    await page.waitForSelector('#tabs button:text-is("Customers")');
    await openTab(page, 'Customers');
    await pasteAt(page, 'A2', customersTsv());
    await openTab(page, 'Invoices');
    await pasteAt(page, 'A2', invoicesTsv());
    expect((await view(page)).sheet.cells.find((c) => c.r === 61 && c.c === 1)?.t).toBe('PG-INV-060');

    await sidebar.click('#tab-settings');
    await sidebar.click('#tab-import');
    await sidebar.waitForSelector('#imp-tabs input[value="Customers"][data-present="true"]');
    for (const box of await sidebar.locator('#imp-tabs input[type=checkbox]').all()) {
      const name = await box.getAttribute('value');
      if ((name === 'Customers' || name === 'Invoices') !== (await box.isChecked())) await box.click();
    }
    await sidebar.selectOption('#imp-mode', 'rows');
    await sidebar.click('#imp-start');
    await sidebar.waitForSelector('#imp-estimate:not([hidden])');
    await sidebar.click('#imp-go');
    await sidebar.waitForFunction(() => /Import finished/.test(document.getElementById('imp-run-msg')?.textContent ?? ''), undefined, { timeout: 180000 });
    await settle(page);
    expect(await sidebar.locator('#imp-run-msg').innerText()).toBe('Import finished.');

    const customers = await receipts(page, 'Customers', CUSTOMER_COLUMNS + 1, 50);
    const invoices = await receipts(page, 'Invoices', INVOICE_COLUMNS + 1, 60);
    for (const r of [...customers, ...invoices]) {
      expect(OK).toContain(r.status);
      expect(r.uuid).not.toBe('');
    }
    await openTab(page, 'Customers');
    await page.locator('td[data-cell="Q2"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: docsPath('playground-import.png') });

    // The emulator holds them: every customer by its uuid, and every invoice under its customer.
    let invoiceCount = 0;
    for (const c of customers) {
      const cus = await emulatorGet<{ external_id: string }>(pg, `/v1/customers/${c.uuid}`);
      expect(cus.external_id).toMatch(/^PG-C\d{3}$/);
      const inv = await emulatorGet<{ invoices: Array<{ external_id: string }> }>(pg, `/v1/invoices?customer_uuid=${c.uuid}`);
      invoiceCount += inv.invoices.filter((i) => i.external_id.startsWith('PG-INV-')).length;
    }
    expect(invoiceCount).toBe(60);
  });

  it('keeps the workbook and the imported data across a restart', async () => {
    await page.close();
    await pg.stop();
    pg = await startPlayground(dir);
    page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await page.goto(pg.url);
    await page.waitForSelector('#tabs button');
    await settle(page);
    const names = (await view(page)).sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['Start here', 'Customers', 'Invoices']));
    const customers = await receipts(page, 'Customers', CUSTOMER_COLUMNS + 1, 50);
    expect(customers.every((r) => OK.includes(r.status))).toBe(true);
    const first = await emulatorGet<{ external_id: string }>(pg, `/v1/customers/${customers[0].uuid}`);
    expect(first.external_id).toBe('PG-C001');
    sidebar = await openSidebarFromMenu(page);
    await sidebar.waitForSelector('#status.connected');
  });

  it('--reset starts over with a fresh demo workbook and account', async () => {
    await page.close();
    await pg.stop();
    pg = await startPlayground(dir, ['--reset']);
    page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await page.goto(pg.url);
    await page.waitForSelector('td[data-cell="A16"]');
    await settle(page);
    expect((await view(page)).sheets.map((s) => s.name)).toEqual(['Start here']);
    const res = await fetch(`${pg.emulatorUrl}/v1/customers?external_id=PG-C001`, { headers: { authorization: 'Basic ' + Buffer.from(pg.readOnlyKey + ':').toString('base64') } });
    expect(((await res.json()) as { entries: unknown[] }).entries).toHaveLength(0);
  });
});
