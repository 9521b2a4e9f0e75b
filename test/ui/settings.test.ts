// The Settings panel in real Chromium, its google.script.run calls answered by the bundle over the Apps Script fakes
// and the ChartMogul emulator (child process): connect, data sources, formula key, time zone warning, disconnect.

import { mkdirSync } from 'fs';
import { join } from 'path';
import type { Browser, Page } from 'playwright-core';
import { createGasEnvironment, type GasEnvironment, type GasEnvironmentOptions } from '../fakes';
import { startEmulatorProcess, type EmulatorProcess } from '../support/emulator-process';
import { repoRoot } from '../support/load-bundle';
import { browserPath, launchBrowser, NO_BROWSER_MESSAGE } from './browser';
import { openSidebar, settle } from './sidebar-harness';

const hasBrowser = browserPath() !== null;
if (!hasBrowser) console.log(NO_BROWSER_MESSAGE);
const describeBrowser = hasBrowser ? describe : describe.skip;

describeBrowser('Settings panel (Chromium)', () => {
  let browser: Browser;
  let emu: EmulatorProcess;
  beforeAll(async () => {
    [browser, emu] = await Promise.all([launchBrowser(), startEmulatorProcess()]);
  }, 60000);
  afterAll(async () => {
    await browser?.close();
    await emu?.stop();
  });
  beforeEach(async () => {
    await fetch(emu.url + '/_emulator/reset', { method: 'POST' });
  });

  async function open(envOptions: GasEnvironmentOptions = {}): Promise<{ page: Page; env: GasEnvironment }> {
    const env = createGasEnvironment(envOptions);
    env.untracked(() => env.properties.script.setProperty('CHARTMOGUL_API_BASE', emu.url));
    const { page } = await openSidebar(browser, { env });
    await settle(page);
    return { page, env };
  }

  async function clickAndSettle(page: Page, selector: string): Promise<void> {
    await page.click(selector);
    await settle(page);
  }

  function expectNoKeys(html: string, env: GasEnvironment): void {
    const logs = env.logs.map((l) => l.message).join('\n');
    for (const key of [emu.readWriteKey, emu.readOnlyKey]) {
      expect(html).not.toContain(key);
      expect(logs).not.toContain(key);
    }
  }

  it('connects, creates and chooses a data source, saves a formula key, warns about time zones, disconnects', async () => {
    const { page, env } = await open({ spreadsheetTimeZone: 'Europe/Berlin' });
    await page.waitForSelector('#settings-api-key[type=password]');
    expect(await page.isVisible('#settings-ds')).toBe(false);

    // A bad key: the server's message appears in the panel, nothing connects.
    await page.fill('#settings-api-key', 'definitely-not-a-key');
    await clickAndSettle(page, '#settings-connect');
    await page.waitForSelector('#settings-msg.error');
    expect(await page.textContent('#settings-msg')).toContain('did not accept the API key');
    expect(await page.textContent('#status')).toBe('Not connected');

    // The read-only key is refused for the user's key.
    await page.fill('#settings-api-key', emu.readOnlyKey);
    await clickAndSettle(page, '#settings-connect');
    expect(await page.textContent('#settings-msg')).toContain('read-only API key');

    // Paste the read & write key → connected with the account details and only a masked hint.
    await page.fill('#settings-api-key', emu.readWriteKey);
    await clickAndSettle(page, '#settings-connect');
    await page.waitForSelector('#status.connected');
    expect(await page.textContent('#status')).toBe('Connected to Example Company');
    const account = await page.textContent('#settings-account');
    expect(account).toContain('Example Company');
    expect(account).toContain('USD');
    expect(account).toContain('Etc/UTC');
    expect(account).toContain('••••' + emu.readWriteKey.slice(-4));
    expect(await page.inputValue('#settings-api-key')).toBe('');
    expect(await page.textContent('#settings-msg.ok')).toContain('Connected to Example Company');

    // Spreadsheet in Berlin, account in UTC → visible warning.
    const warning = await page.textContent('#settings-tz-warning');
    expect(warning).toContain('Europe/Berlin');
    expect(warning).toContain('Etc/UTC');
    expect(await page.isVisible('#settings-tz-warning')).toBe(true);

    // Create two data sources by name (each becomes the choice), then choose the first from the dropdown.
    await page.waitForSelector('#settings-ds-select:not([disabled])');
    await page.fill('#settings-ds-name', 'Google Sheets');
    await clickAndSettle(page, '#settings-ds-create');
    await page.waitForSelector('#settings-ds-current:has-text("Google Sheets")');
    await page.fill('#settings-ds-name', 'Second source');
    await clickAndSettle(page, '#settings-ds-create');
    await page.waitForSelector('#settings-ds-current:has-text("Second source")');
    await page.fill('#settings-ds-name', 'Google Sheets');
    await clickAndSettle(page, '#settings-ds-create');
    expect(await page.textContent('#settings-msg.error')).toContain('already exists');
    await page.waitForSelector('#settings-ds-select:not([disabled])');
    const first = await page.$eval('#settings-ds-select', (s) =>
      Array.from((s as HTMLSelectElement).options).find((o) => o.textContent === 'Google Sheets')?.value ?? '',
    );
    await page.selectOption('#settings-ds-select', first);
    await settle(page);
    await page.waitForSelector('#settings-ds-current:has-text("Imports go to: Google Sheets")');
    expect(await page.textContent('#hint')).toBe('Data source: Google Sheets');
    await page.waitForSelector('#settings-ds-select:not([disabled])');
    expect(await page.inputValue('#settings-ds-select')).toBe(first);
    mkdirSync(join(repoRoot, 'docs'), { recursive: true });
    await page.screenshot({ path: join(repoRoot, 'docs', 'sidebar-settings.png'), fullPage: true });

    // Formula key: read-only recommended, all editors' formulas use it, saved and shown masked.
    const note = await page.textContent('#settings-formula-note');
    expect(note).toContain("all editors' formulas use it");
    expect(note).toContain('read-only');
    await page.fill('#settings-formula-key', emu.readOnlyKey);
    await clickAndSettle(page, '#settings-formula-save');
    await page.waitForSelector('#settings-formula-hint:has-text("••••")');
    expect(await page.textContent('#settings-formula-hint')).toBe('Formula key: ••••' + emu.readOnlyKey.slice(-4));

    // Test connection keeps everything and reports success.
    await clickAndSettle(page, '#settings-test');
    await page.waitForSelector('#settings-msg.ok');
    expect(await page.textContent('#settings-msg')).toContain('Connected to Example Company');

    expectNoKeys(await page.content(), env);

    // Disconnect asks in the page first; Cancel keeps the connection.
    await page.click('#settings-disconnect');
    expect(await page.isVisible('#settings-disconnect-confirm')).toBe(true);
    await page.click('#settings-disconnect-no');
    expect(await page.isVisible('#settings-disconnect-confirm')).toBe(false);
    await page.click('#settings-disconnect');
    await clickAndSettle(page, '#settings-disconnect-yes');
    await page.waitForSelector('#status.disconnected');
    expect(await page.textContent('#settings-msg')).toContain('Disconnected');
    expect(await page.textContent('#settings-formula-hint')).toContain('••••'); // the spreadsheet's key stays
    expect(env.properties.user.data.size).toBe(0);
    expect(JSON.parse(env.properties.document.data.get('CHARTMOGUL_DATA_SOURCE') as string).name).toBe('Google Sheets');
    expectNoKeys(await page.content(), env);
    await page.close();
  }, 120000);

  it('shows no time zone warning when the zones agree', async () => {
    const { page } = await open({ spreadsheetTimeZone: 'UTC' });
    await page.fill('#settings-api-key', emu.readWriteKey);
    await clickAndSettle(page, '#settings-connect');
    await page.waitForSelector('#status.connected');
    expect(await page.$('#settings-tz-warning')).toBeNull();
    await page.close();
  }, 60000);
});
