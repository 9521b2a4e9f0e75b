// The sidebar in real Chromium, its google.script.run calls answered by the bundle over the Apps Script fakes.
// Checks what a user sees before connecting, and that the bridge refuses what Apps Script refuses.

import { mkdirSync } from 'fs';
import { join } from 'path';
import type { Browser } from 'playwright-core';
import { repoRoot } from '../support/load-bundle';
import { browserPath, launchBrowser, NO_BROWSER_MESSAGE } from './browser';
import { openSidebar, settle } from './sidebar-harness';

// Page-side global (evaluated inside Chromium, not in Node).
declare const google: { script: { run: Record<string, unknown> & { withFailureHandler(f: (e: Error) => void): unknown } } };

const hasBrowser = browserPath() !== null;
if (!hasBrowser) console.log(NO_BROWSER_MESSAGE);
const describeBrowser = hasBrowser ? describe : describe.skip;

describeBrowser('sidebar (Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60000);
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the not-connected state with the spreadsheet time zone', async () => {
    const { page, calls } = await openSidebar(browser, { envOptions: { spreadsheetTimeZone: 'America/New_York' } });
    await settle(page);
    await page.waitForSelector('#status.disconnected');
    expect(await page.textContent('#status')).toBe('Not connected');
    expect(await page.textContent('#hint')).toContain('API key');
    expect(await page.textContent('#tz')).toContain('America/New_York');
    expect(calls.map((c) => c.name)).toContain('getSettings');
    mkdirSync(join(repoRoot, 'docs'), { recursive: true });
    await page.screenshot({ path: join(repoRoot, 'docs', 'sidebar-not-connected.png') });
    await page.close();
  }, 60000);

  it('refuses Date arguments and unknown or private functions like the real bridge', async () => {
    const { page } = await openSidebar(browser);
    await settle(page);
    const thrown = await page.evaluate(() => {
      try {
        (google.script.run as unknown as Record<string, (...a: unknown[]) => void>).getSettings(new Date());
        return null;
      } catch (e) {
        return (e as Error).message;
      }
    });
    expect(thrown).toBe('Failed due to illegal value in property: 0');
    const failure = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          (google.script.run.withFailureHandler((e: Error) => resolve(e.message)) as unknown as Record<string, () => void>).secret_();
        }),
    );
    expect(failure).toBe('Script function not found: secret_');
    await page.close();
  }, 60000);
});
