// The Reports panel in real Chromium over the bundle and the emulator: build a report with a chart, the inline CFL
// check and the API's rejection message, a saved report listed, scheduled and refreshed; saves a rendering of it.

import { mkdirSync } from 'fs';
import { join } from 'path';
import type { Browser } from 'playwright-core';
import type { FakeSheet } from '../fakes';
import { startEmulatorProcess, type EmulatorProcess } from '../support/emulator-process';
import { repoRoot } from '../support/load-bundle';
import { seedReports } from '../gas/reportsSeed';
import { browserPath, launchBrowser, NO_BROWSER_MESSAGE } from './browser';
import { openSidebar, settle } from './sidebar-harness';

const hasBrowser = browserPath() !== null;
if (!hasBrowser) console.log(NO_BROWSER_MESSAGE);
const describeBrowser = hasBrowser ? describe : describe.skip;

interface ChartLike {
  type: string;
  ranges: Array<{ getValues(): unknown[][]; getA1Notation(): string }>;
  options: Record<string, unknown>;
}

const esc = (s: string): string => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);

/** The fakes have no renderer: draw the tab's values as a table and its chart's ranges as an SVG line chart. */
function renderTab(sheet: FakeSheet): string {
  const display = sheet.getDataRange().getDisplayValues() as string[][];
  const chart = sheet.getCharts()[0] as unknown as ChartLike;
  const cols = chart.ranges.map((r) => r.getValues().map((row) => row[0]));
  const labels = display.slice(3).map((r) => r[0]); // the date column as Sheets shows it
  const series = cols.slice(1).map((c) => ({ name: String(c[0]), values: c.slice(1).map(Number) }));
  const W = 520;
  const H = 260;
  const pad = 40;
  const max = Math.max(1, ...series.flatMap((s) => s.values)) * 1.1;
  const x = (i: number) => pad + (i * (W - 2 * pad)) / Math.max(1, labels.length - 1);
  const y = (v: number) => H - pad - (v / max) * (H - 2 * pad);
  const colors = ['#1a73e8', '#e8710a', '#188038'];
  const grid = [0, 0.25, 0.5, 0.75, 1].map((f) => `<line x1="${pad}" x2="${W - pad}" y1="${y(max * f)}" y2="${y(max * f)}" stroke="#eee"/><text x="${pad - 4}" y="${y(max * f) + 4}" font-size="10" text-anchor="end">${Math.round(max * f)}</text>`).join('');
  const lines = series.map((s, k) => `<polyline fill="none" stroke-width="2.5" stroke="${colors[k % 3]}" points="${s.values.map((v, i) => `${x(i)},${y(v)}`).join(' ')}"/>` +
    s.values.map((v, i) => `<circle cx="${x(i)}" cy="${y(v)}" r="3.5" fill="${colors[k % 3]}"/>`).join('')).join('');
  const xl = labels.map((l, i) => `<text x="${x(i)}" y="${H - pad + 16}" font-size="10" text-anchor="middle">${esc(l.slice(5))}</text>`).join('');
  const legend = series.map((s, k) => `<tspan fill="${colors[k % 3]}">■ ${esc(s.name)}  </tspan>`).join('');
  const rows = display.map((r, i) => `<tr class="r${i}">${i < 2 ? `<td colspan="${r.length}">${esc(r[0])}</td>` : r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>
    body { font: 13px Arial, sans-serif; margin: 0; background: #fff; color: #202124; }
    .bar { background: #f1f3f4; padding: 6px 10px; border-bottom: 1px solid #dadce0; font-size: 12px; color: #5f6368; }
    .wrap { display: flex; gap: 16px; padding: 10px; }
    table { border-collapse: collapse; } td { border: 1px solid #e2e3e3; padding: 3px 8px; white-space: nowrap; text-align: right; }
    td:first-child { text-align: left; } tr.r0 td { font-weight: bold; font-size: 15px; border: 0; text-align: left; }
    tr.r1 td { color: #5f6368; border: 0; font-size: 11px; text-align: left; white-space: normal; max-width: 300px; } tr.r2 td { background: #f1f3f4; font-weight: bold; }
    .chart { border: 1px solid #dadce0; border-radius: 4px; flex: none; } .note { font-size: 11px; color: #80868b; padding: 0 10px; }
  </style></head><body><div class="bar">Tab “${esc(sheet.getName())}” — note on A1: ${esc(sheet.getRange(1, 1).getNote().split('\n')[0])}</div>
  <div class="wrap"><table>${rows}</table><svg class="chart" width="${W}" height="${H}" xmlns="http://www.w3.org/2000/svg">
  <text x="${W / 2}" y="20" font-size="13" font-weight="bold" text-anchor="middle">${esc(String(chart.options.title))}</text>${grid}${lines}${xl}
  <text x="${W / 2}" y="${H - 6}" font-size="11" text-anchor="middle">${legend}</text></svg></div>
  <p class="note">Rendered by the test from the Apps Script fakes (values and the ${esc(chart.type)} chart's ranges); not a Google Sheets screenshot.</p></body></html>`;
}

describeBrowser('Reports panel (Chromium)', () => {
  let browser: Browser;
  let emu: EmulatorProcess;
  beforeAll(async () => {
    browser = await launchBrowser();
    emu = await startEmulatorProcess({ args: ['--rate-limit', '0'] });
    await seedReports(emu.url, emu.readWriteKey);
  }, 90000);
  afterAll(async () => {
    await browser?.close();
    await emu?.stop();
  });

  it('builds a report with a chart, checks the filter, lists, schedules and refreshes it', async () => {
    const { page, env } = await openSidebar(browser, {
      envOptions: { spreadsheetTimeZone: 'Europe/Berlin' },
      prepare: (_ctx, e) =>
        e.untracked(() => {
          e.properties.script.setProperty('CHARTMOGUL_API_BASE', emu.url);
          e.properties.user.setProperty('CHARTMOGUL_API_KEY', emu.readWriteKey);
          e.properties.user.setProperty('CHARTMOGUL_ACCOUNT', JSON.stringify({ name: 'Emulated', currency: 'USD', timeZone: 'Etc/UTC' }));
        }),
    });
    await settle(page);
    await page.click('#tab-reports');
    await page.waitForFunction(() => document.querySelectorAll('#rep-plans option').length === 2);
    expect(await page.textContent('#rep-none')).toBe('No saved reports yet.');

    await page.check('#rep-metric-arr');
    await page.selectOption('#rep-range-type', 'fixed');
    await page.fill('#rep-start', '2025-01-01');
    await page.fill('#rep-end', '2025-06-30');
    await page.fill('#rep-filters', "country~any~'US'");
    await page.waitForSelector('#rep-filter-msg.error');
    expect(await page.textContent('#rep-filter-msg')).toBe('filters: operators are upper case: ANY');

    await page.fill('#rep-filters', "colour~ANY~'red'");
    await page.waitForSelector('#rep-filter-msg.ok');
    await page.click('#rep-insert');
    await page.waitForSelector('#rep-msg.error');
    expect(await page.textContent('#rep-msg')).toContain('Invalid filters');

    await page.fill('#rep-filters', '');
    await page.click('#rep-insert');
    await page.waitForSelector('#rep-msg.ok');
    expect(await page.textContent('#rep-msg')).toBe('Inserted “Metrics report” with 6 rows.');
    await page.waitForSelector('.rep-item');
    expect(await page.textContent('.rep-item .rep-title')).toBe('Metrics report');

    const sheet = env.untracked(() => env.spreadsheet.getSheetByName('Metrics report')) as unknown as FakeSheet;
    const charts = env.untracked(() => sheet.getCharts()) as unknown as ChartLike[];
    expect(charts).toHaveLength(1);
    expect(env.untracked(() => charts[0].ranges.map((r) => r.getA1Notation()))).toEqual(['A3:A9', 'B3:B9', 'C3:C9']);

    await page.selectOption('.rep-item .rep-sched', 'daily');
    await page.waitForFunction(() => (document.querySelector('#rep-msg')?.textContent || '') === 'Scheduled daily.');
    expect(env.triggers.list().map((t) => t.handlerFunction)).toEqual(['runScheduledWork']);

    await page.click('.rep-item .rep-refresh');
    await page.waitForFunction(() => (document.querySelector('#rep-msg')?.textContent || '') === 'Refreshed: 6 rows.');
    await settle(page);
    const log = env.untracked(() => env.spreadsheet.getSheetByName('ChartMogul log')!.getDataRange().getValues());
    // the rejected filter is logged too (Errors = 1), then the new report and its refresh
    expect(log.map((r) => [r[4], r[9]])).toEqual([['mode', 'error'], ['report (new)', 1], ['report (new)', 0], ['report refresh', 0]]);
    expect(await page.textContent('.rep-item .rep-tab')).toContain('next');
    mkdirSync(join(repoRoot, 'docs'), { recursive: true });
    await page.screenshot({ path: join(repoRoot, 'docs', 'reports-panel.png'), fullPage: true });

    const html = env.untracked(() => renderTab(sheet));
    const view = await browser.newPage({ viewport: { width: 1040, height: 360 } });
    await view.setContent(html);
    await view.screenshot({ path: join(repoRoot, 'docs', 'report-with-chart.png'), fullPage: true });
    await view.close();
    await page.close();
  }, 120000);
});
