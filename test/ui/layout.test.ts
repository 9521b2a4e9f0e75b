// Every sidebar panel in each state a user meets, in Chromium at 300 px: nothing may scroll or stick out sideways.
// Set LAYOUT_SHOTS=<dir> to also save a full-page screenshot of each state there (for reviewing the look).

import { mkdirSync } from 'fs';
import { join } from 'path';
import type { Browser, Page } from 'playwright-core';
import { seedReports } from '../gas/reportsSeed';
import { startEmulatorProcess, type EmulatorProcess } from '../support/emulator-process';
import { callEntry } from '../support/load-bundle';
import { browserPath, launchBrowser, NO_BROWSER_MESSAGE } from './browser';
import { createDataSource, measureOverflow, openState } from './layout-states';
import { settle } from './sidebar-harness';

const hasBrowser = browserPath() !== null;
if (!hasBrowser) console.log(NO_BROWSER_MESSAGE);
const describeBrowser = hasBrowser ? describe : describe.skip;
const SHOTS = process.env.LAYOUT_SHOTS;

async function expectFits(page: Page, state: string): Promise<void> {
  if (SHOTS) {
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, state + '.png'), fullPage: true });
  }
  const o = await measureOverflow(page);
  expect({ state, ...o }).toEqual({ state, scrollWidth: expect.any(Number), bodyScrollWidth: expect.any(Number), outside: [] });
  expect(o.scrollWidth).toBeLessThanOrEqual(300);
  expect(o.bodyScrollWidth).toBeLessThanOrEqual(300);
}

describeBrowser('sidebar layout at 300 px (Chromium)', () => {
  let browser: Browser;
  let emu: EmulatorProcess;
  let ds: { uuid: string; name: string };
  beforeAll(async () => {
    [browser, emu] = await Promise.all([launchBrowser(), startEmulatorProcess({ args: ['--rate-limit', '0'] })]);
    await seedReports(emu.url, emu.readWriteKey);
    ds = await createDataSource(emu, 'Google Sheets – Finance team imports (EMEA)');
  }, 120000);
  afterAll(async () => {
    await browser?.close();
    await emu?.stop();
  });

  it('Settings: not connected, bad key, load error, connected, time zone warning', async () => {
    let { page } = await openState(browser, emu);
    await page.waitForSelector('#status.disconnected');
    await expectFits(page, 'settings-not-connected');
    await page.fill('#settings-api-key', 'definitely-not-a-key');
    await page.click('#settings-connect');
    await page.waitForSelector('#settings-msg.error');
    await expectFits(page, 'settings-error');
    await page.close();

    ({ page } = await openState(browser, emu, { prepare: (ctx) => void (ctx.getSettings = () => { throw new Error('Exception: Service Spreadsheets timed out while accessing document'); }) }));
    await page.waitForSelector('#status.error');
    await expectFits(page, 'settings-load-error');
    await page.close();

    for (const [state, tz] of [['settings-connected', 'UTC'], ['settings-tz-warning', 'Europe/Berlin']]) {
      ({ page } = await openState(browser, emu, { connected: true, dataSource: ds, envOptions: { spreadsheetTimeZone: tz } }));
      await page.click('#tab-settings');
      await page.waitForSelector('#settings-ds-select:not([disabled])');
      await expectFits(page, state);
      await page.close();
    }
  }, 180000);

  it('Import: not ready, tabs, check errors, running, finished, unfinished', async () => {
    let { page, env } = await openState(browser, emu);
    await page.click('#tab-import');
    await settle(page);
    await expectFits(page, 'import-not-ready');
    await page.close();

    ({ page, env } = await openState(browser, emu, { connected: true, dataSource: ds }));
    await page.click('#imp-insert');
    await settle(page);
    await expectFits(page, 'import-tabs');
    env.untracked(() => {
      env.spreadsheet.getSheetByName('Customers')!.getRange(2, 1, 3, 2).setValues([['L-1', 'Acme'], ['L-2', ''], ['L-3', 'Delta']]);
      env.spreadsheet.getSheetByName('Plans')!.getRange(2, 1, 1, 4).setValues([['lay-pro', 'Pro', 1, 'month']]);
    });
    await page.click('#imp-refresh');
    await settle(page);
    for (const t of ['Invoices', 'Transactions', 'Subscription events', 'Cancellations', 'Attributes']) await page.uncheck(`#imp-tabs input[value="${t}"]`);
    await page.click('#imp-check');
    await settle(page);
    await expectFits(page, 'import-check');
    await page.click('#imp-start');
    await settle(page);
    await expectFits(page, 'import-estimate');
    await page.click('#imp-go');
    await page.waitForSelector('#imp-undo:not([hidden])', { timeout: 60000 });
    await settle(page);
    await expectFits(page, 'import-finished');
    await page.close();

    const withTabs = (_ctx: unknown, e: typeof env) => e.untracked(() => {
      for (const t of ['Customers', 'Plans']) e.spreadsheet.insertSheet(t).getRange(1, 1, 3, 1).setValues([['external_id'], ['a'], ['b']]);
    });
    ({ page } = await openState(browser, emu, { connected: true, dataSource: ds, stubs: { rowsTotal: 1_000_000, perChunk: 1 }, prepare: withTabs }));
    await page.click('#imp-start');
    await settle(page);
    await page.click('#imp-go');
    await page.waitForFunction(() => /of 1,000,000 rows/.test(document.querySelector('#imp-progress')?.textContent ?? ''));
    await expectFits(page, 'import-running');
    await page.click('#imp-cancel');
    await page.waitForSelector('#imp-cancel', { state: 'hidden' });
    await settle(page);
    await page.close();

    const failed = { lastRunAt: '2026-01-05T10:00:00.000Z', lastResult: 'import: failed', lastError: 'import: Invalid API key', needsTrigger: true, outcomes: [] };
    ({ page } = await openState(browser, emu, {
      connected: true, dataSource: ds, stubs: { rowsTotal: 40, perChunk: 10, unfinished: true },
      prepare: (ctx, e) => {
        withTabs(ctx, e);
        e.untracked(() => e.properties.document.setProperty('CHARTMOGUL_SCHEDULER_STATUS', JSON.stringify(failed)));
      },
    }));
    await page.waitForSelector('#imp-resume:not([hidden])');
    await expectFits(page, 'import-resume');
    await page.close();
  }, 240000);

  it('Reports: not connected, form, filter error, saved reports with an error', async () => {
    let { page } = await openState(browser, emu);
    await page.click('#tab-reports');
    await settle(page);
    await expectFits(page, 'reports-not-connected');
    await page.close();

    ({ page } = await openState(browser, emu, { connected: true }));
    await page.click('#tab-reports');
    await page.waitForFunction(() => document.querySelectorAll('#rep-plans option').length >= 2);
    await expectFits(page, 'reports-form');
    await page.selectOption('#rep-range-type', 'fixed');
    await page.fill('#rep-filters', "country~any~'US'");
    await page.waitForSelector('#rep-filter-msg.error');
    await expectFits(page, 'reports-filter-error');
    await page.close();

    ({ page } = await openState(browser, emu, {
      connected: true,
      prepare: (ctx, e) => {
        const range = { type: 'fixed', start: '2025-01-01', end: '2025-06-30' };
        callEntry(ctx, 'createReport', { kind: 'metrics', name: 'MRR and ARR for the monthly board deck', metrics: ['mrr', 'arr'], range, schedule: 'daily', chart: false });
        const broken = callEntry<{ id: string }>(ctx, 'createReport', { kind: 'mrr-movements', name: 'Movements', range, chart: false });
        e.untracked(() => e.properties.user.setProperty('CHARTMOGUL_API_KEY', 'revoked-key'));
        try {
          callEntry(ctx, 'refreshReport', broken.id);
        } catch {
          /* the failure is recorded on the report as its last error */
        }
        e.untracked(() => e.properties.user.setProperty('CHARTMOGUL_API_KEY', emu.readWriteKey));
      },
    }));
    await page.click('#tab-reports');
    await page.waitForSelector('.rep-item');
    await settle(page);
    await expectFits(page, 'reports-saved');
    await page.close();
  }, 180000);
});
