// Opens the sidebar in the states the layout test (and screenshots) cover: connected over the emulator, with a data
// source, import stubs or a seeded report. Also the overflow probe: page width and elements sticking out past 300 px.

import type { Browser, Page } from 'playwright-core';
import { createGasEnvironment, type GasEnvironment, type GasEnvironmentOptions } from '../fakes';
import type { EmulatorProcess } from '../support/emulator-process';
import { callEntry, type BundleContext } from '../support/load-bundle';
import { installImportStubs } from './import-stubs';
import { openSidebar, settle, type SidebarSession } from './sidebar-harness';

export interface StateOptions {
  /** Saves the user's key and tests the connection (caches the account) before the sidebar opens. */
  connected?: boolean;
  dataSource?: { uuid: string; name: string };
  envOptions?: GasEnvironmentOptions;
  stubs?: { rowsTotal: number; perChunk: number; unfinished?: boolean };
  prepare?: (ctx: BundleContext, env: GasEnvironment) => void;
}

export async function openState(browser: Browser, emu: EmulatorProcess, o: StateOptions = {}): Promise<SidebarSession> {
  const env = createGasEnvironment(o.envOptions);
  const session = await openSidebar(browser, {
    env,
    prepare: (ctx, e) => {
      e.untracked(() => {
        e.properties.script.setProperty('CHARTMOGUL_API_BASE', emu.url);
        if (o.connected) e.properties.user.setProperty('CHARTMOGUL_API_KEY', emu.readWriteKey);
        if (o.dataSource) e.properties.document.setProperty('CHARTMOGUL_DATA_SOURCE', JSON.stringify(o.dataSource));
      });
      if (o.connected) callEntry(ctx, 'testConnection');
      if (o.stubs) installImportStubs(ctx, o.stubs);
      o.prepare?.(ctx, e);
    },
  });
  await settle(session.page);
  return session;
}

export async function createDataSource(emu: EmulatorProcess, name: string): Promise<{ uuid: string; name: string }> {
  const res = await fetch(emu.url + '/v1/data_sources', {
    method: 'POST',
    headers: { Authorization: 'Basic ' + Buffer.from(emu.readWriteKey + ':').toString('base64'), 'Content-Type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  return { uuid: ((await res.json()) as { uuid: string }).uuid, name };
}

export interface Overflow {
  scrollWidth: number;
  bodyScrollWidth: number;
  /** Visible elements whose right edge is past the viewport (clipped content a user cannot reach). */
  outside: string[];
}

export function measureOverflow(page: Page): Promise<Overflow> {
  return page.evaluate(() => {
    const outside: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0 && r.right > window.innerWidth + 0.5) {
        outside.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${el.className} → ${Math.round(r.right)}px`);
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, bodyScrollWidth: document.body.scrollWidth, outside };
  });
}
