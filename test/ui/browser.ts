// Launches Debian's Chromium through playwright-core (never a downloaded browser) for the sidebar tests.
// When no browser is installed, `browserPath()` is null and the tests say so clearly and skip.

import { execFileSync } from 'child_process';
import { chromium, type Browser } from 'playwright-core';

export function browserPath(): string | null {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      const p = execFileSync('which', [name], { encoding: 'utf8' }).trim();
      if (p) return p;
    } catch {
      /* not installed under this name */
    }
  }
  return null;
}

export const NO_BROWSER_MESSAGE =
  'SKIPPED browser tests: no Chromium found (install it with `apt-get install -y chromium`, or set CHROMIUM_PATH).';

export async function launchBrowser(): Promise<Browser> {
  const executablePath = browserPath();
  if (!executablePath) throw new Error(NO_BROWSER_MESSAGE);
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}
