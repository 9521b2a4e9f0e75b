// Flow 1: a fresh `npm start` shows the demo workbook; a CHARTMOGUL_METRICS formula typed into a cell spills a table
// whose numbers are the emulator's own API answers (read-only key, money in currency units); SUM and #REF! spills.

import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Browser, Page } from 'playwright-core';
import { browserPath, launchBrowser, NO_BROWSER_MESSAGE } from '../ui/browser';
import { lastSixMonths } from './demo';
import { cellText, docsPath, settle, startPlayground, typeInto, type RunningPlayground } from './harness';

const HAS_BROWSER = browserPath() !== null;
if (!HAS_BROWSER) console.warn(NO_BROWSER_MESSAGE);
const describeIfBrowser = HAS_BROWSER ? describe : describe.skip;

jest.setTimeout(180000);

describeIfBrowser('playground: formulas against the demo account', () => {
  let dir: string;
  let pg: RunningPlayground;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pg-formulas-'));
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

  it('opens on the demo workbook with ready formulas already computed', async () => {
    expect(await page.locator('#tabs button.active').innerText()).toBe('Start here');
    expect(await cellText(page, 'A16')).toBe('Date');
    expect(await cellText(page, 'B16')).toBe('mrr');
    expect(await cellText(page, 'B11')).toMatch(/^\$[\d,]+\.\d\d$/);
    expect(await cellText(page, 'A25')).toBe('Date');
    await page.screenshot({ path: docsPath('playground-start.png') });
  });

  it('spills CHARTMOGUL_METRICS for six months with the numbers the emulator answers', async () => {
    const [from, to] = lastSixMonths(new Date().toISOString().slice(0, 10));
    const date = (d: string) => `DATE(${Number(d.slice(0, 4))}, ${Number(d.slice(5, 7))}, ${Number(d.slice(8, 10))})`;
    await typeInto(page, 'E8', `=CHARTMOGUL_METRICS("mrr,customers", ${date(from)}, ${date(to)})`);
    expect(await cellText(page, 'E8')).toBe('Date');
    expect([await cellText(page, 'F8'), await cellText(page, 'G8')]).toEqual(['mrr', 'customers']);
    expect(await cellText(page, 'E15')).toBe('');

    const auth = 'Basic ' + Buffer.from(pg.readOnlyKey + ':').toString('base64');
    const res = await fetch(`${pg.emulatorUrl}/v1/metrics/all?start-date=${from}&end-date=${to}&interval=month`, { headers: { authorization: auth } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { entries: Array<{ date: string; mrr: number; customers: number }> };
    expect(body.entries).toHaveLength(6);
    for (let i = 0; i < 6; i++) {
      const row = 9 + i;
      const e = body.entries[i];
      expect(Number(await cellText(page, `F${row}`))).toBeCloseTo(e.mrr / 100, 2);
      expect(Number(await cellText(page, `G${row}`))).toBe(e.customers);
      expect(await page.locator(`td[data-cell="F${row}"]`).getAttribute('class')).toContain('spill');
    }
    await page.click('td[data-cell="E8"]');
    expect(await page.locator('#formula-input').inputValue()).toContain('=CHARTMOGUL_METRICS(');
    await page.screenshot({ path: docsPath('playground-formula.png') });

    // Ordinary formulas over the spilled range, and a CHARTMOGUL_METRIC with a date cell argument.
    await typeInto(page, 'I8', '=SUM(G9:G14)');
    const customers = body.entries.reduce((a, e) => a + e.customers, 0);
    expect(Number(await cellText(page, 'I8'))).toBe(customers);
    await typeInto(page, 'I9', '=CHARTMOGUL_METRIC("customers", B9)');
    expect(Number(await cellText(page, 'I9'))).toBe(body.entries[5].customers);
  });

  it('shows #REF! when the spill is blocked and spills again once the blocker is cleared', async () => {
    await typeInto(page, 'F12', 'blocker');
    expect(await cellText(page, 'E8')).toBe('#REF!');
    await page.click('td[data-cell="F12"]');
    await page.keyboard.press('Delete');
    await settle(page);
    expect(await cellText(page, 'E8')).toBe('Date');
    expect(await cellText(page, 'F12')).not.toBe('');
  });

  it('shows #NAME? for a function the bundle does not have', async () => {
    await typeInto(page, 'I11', '=CHARTMOGUL_NOT_A_FUNCTION(1)');
    expect(await cellText(page, 'I11')).toBe('#NAME?');
  });
});
