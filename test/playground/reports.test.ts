// Flow 3: a metrics report with a chart is built from the sidebar's Reports panel, the chart is drawn (chart.js, at its
// anchor); new billing data arrives in the emulator and a scheduled run (+1 h on the add-on's clock) updates table and chart.

import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Browser, Frame, Page } from 'playwright-core';
import { browserPath, launchBrowser, NO_BROWSER_MESSAGE } from '../ui/browser';
import type { ChartView } from './protocol';
import { docsPath, openSidebarFromMenu, openTab, settle, startPlayground, view, type RunningPlayground } from './harness';

const HAS_BROWSER = browserPath() !== null;
if (!HAS_BROWSER) console.warn(NO_BROWSER_MESSAGE);
const describeIfBrowser = HAS_BROWSER ? describe : describe.skip;

jest.setTimeout(240000);

async function emulator<T>(pg: RunningPlayground, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(pg.emulatorUrl + path, {
    method,
    headers: { authorization: 'Basic ' + Buffer.from(pg.readWriteKey + ':').toString('base64'), 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A new customer paying 10,000 USD a month from the first day of the current month. */
async function addBigCustomer(pg: RunningPlayground): Promise<void> {
  const { data_sources } = await emulator<{ data_sources: Array<{ uuid: string; name: string }> }>(pg, 'GET', '/v1/data_sources');
  const ds = data_sources.find((d) => d.name === 'Demo billing') as { uuid: string };
  const { plans } = await emulator<{ plans: Array<{ uuid: string }> }>(pg, 'GET', `/v1/plans?data_source_uuid=${ds.uuid}&external_id=starter-monthly`);
  const customer = await emulator<{ uuid: string }>(pg, 'POST', '/v1/customers', { data_source_uuid: ds.uuid, external_id: 'PG-BIG', name: 'Big Playground Co' });
  const now = new Date();
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString();
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString();
  await emulator(pg, 'POST', `/v1/import/customers/${customer.uuid}/invoices`, {
    invoices: [{
      external_id: 'PG-BIG-INV-1', date: start, currency: 'USD',
      line_items: [{ type: 'subscription', subscription_external_id: 'PG-BIG-S1', plan_uuid: plans[0].uuid, service_period_start: start, service_period_end: end, amount_in_cents: 1000000, quantity: 1 }],
      transactions: [{ type: 'payment', date: start, result: 'successful' }],
    }],
  });
}

describeIfBrowser('playground: a report with a chart, refreshed by the scheduler', () => {
  let dir: string;
  let pg: RunningPlayground;
  let browser: Browser;
  let page: Page;
  let sidebar: Frame;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pg-reports-'));
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

  it('builds a metrics report with a chart from the sidebar and draws the chart', async () => {
    sidebar = await openSidebarFromMenu(page);
    await sidebar.click('#tab-reports');
    await sidebar.waitForSelector('#rep-insert:not([disabled])');
    await sidebar.fill('#rep-name', 'MRR report');
    await sidebar.fill('#rep-months', '12');
    await sidebar.selectOption('#rep-schedule', 'hourly');
    await sidebar.check('#rep-chart');
    await sidebar.click('#rep-insert');
    await sidebar.waitForFunction(() => /ok|error/.test(document.getElementById('rep-msg')?.className ?? ''), undefined, { timeout: 120000 });
    await settle(page);
    expect(await sidebar.locator('#rep-msg').getAttribute('class')).toContain('ok');
    await openTab(page, 'MRR report');
    const charts = (await view(page)).sheet.charts;
    expect(charts).toHaveLength(1);
    expect(charts[0].series[0].data.length).toBeGreaterThanOrEqual(12);
    expect(charts[0].series[0].data.every((x) => typeof x === 'number')).toBe(true);
    await page.waitForSelector('.chart-box canvas');
    const box = await page.locator('.chart-box').boundingBox();
    const anchor = await page.locator(`td[data-cell="${String.fromCharCode(64 + charts[0].anchorColumn)}${charts[0].anchorRow}"]`).boundingBox();
    expect(box && anchor && Math.abs(box.x - anchor.x) < 3 && Math.abs(box.y - anchor.y) < 3).toBe(true);
    await page.screenshot({ path: docsPath('playground-report.png') });
  });

  it('updates table and chart when the scheduled run finds the report due', async () => {
    // Compared at the same label: after 23:00 UTC the "+1 h" run's today is tomorrow, which may add a point.
    const chart = (await view(page)).sheet.charts[0];
    const label = chart.labels[chart.labels.length - 1];
    const at = (c: ChartView): number => c.series[0].data[c.labels.indexOf(label)] as number;
    const before = at(chart);
    expect((await view(page)).trigger?.handler).toBe('runScheduledWork');
    await addBigCustomer(pg);
    await page.click('#run-scheduled-hour');
    await settle(page);
    const after = (await view(page)).sheet.charts[0];
    expect(at(after)).toBeCloseTo(before + 10000, 2);
    expect((await view(page)).clockOffsetHours).toBe(1);
  });
});
