// The small, hand-computable account behind the formula end-to-end tests and the formula bench (emulator state).
// Two paying customers (a monthly plan with an upgrade and a churn, an annual plan) plus 205 leads (two list pages).

import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { StateBuilder } from '../emulator/metrics/builder';

/** The emulator's frozen "now" for these tests. */
export const NOW = '2024-06-30T12:00:00Z';
export const LEADS = 205;

/**
 * Account USD, zone UTC. Plans: Basic $100/month, Pro $150/month, Annual $1,200/year.
 * A "Alpha" (US, alpha@example.com): Basic from Jan 15, upgrade to Pro on Mar 15 (+$50), cancelled May 20 (−$150).
 * B "Beta" (DE, beta@example.com): Annual $1,200 from Feb 10 to 2025-02-10 → $100 MRR.
 */
export function formulaSeed(): StateBuilder {
  const b = new StateBuilder({ currency: 'USD', time_zone: 'Etc/UTC' });
  const basic = b.plan('Basic', 'basic');
  const pro = b.plan('Pro', 'pro');
  const annual = b.plan('Annual', 'annual', 1, 'year');
  const A = b.customer('A', { name: 'Alpha', email: 'alpha@example.com', country: 'US', company: 'Alpha Inc' });
  const B = b.customer('B', { name: 'Beta', email: 'beta@example.com', country: 'DE', company: 'Beta GmbH' });
  b.invoice(A, 'USD', [{ plan: basic, sub: 'subA', start: '2024-01-15', end: '2024-02-15', amount: 10000 }]);
  b.invoice(A, 'USD', [{ plan: basic, sub: 'subA', start: '2024-02-15', end: '2024-03-15', amount: 10000 }]);
  b.invoice(A, 'USD', [{ plan: pro, sub: 'subA', start: '2024-03-15', end: '2024-04-15', amount: 15000 }]);
  b.invoice(A, 'USD', [{ plan: pro, sub: 'subA', start: '2024-04-15', end: '2024-05-15', amount: 15000 }]);
  b.invoice(A, 'USD', [{ plan: pro, sub: 'subA', start: '2024-05-15', end: '2024-06-15', amount: 15000 }]);
  b.cancel('subA', '2024-05-20');
  b.invoice(B, 'USD', [{ plan: annual, sub: 'subB', start: '2024-02-10', end: '2025-02-10', amount: 120000 }]);
  for (let i = 0; i < LEADS; i++) b.customer(`L${String(i).padStart(3, '0')}`, { name: `Lead ${i}`, lead_created_at: '2024-01-01T00:00:00.000Z' });
  return b;
}

export function writeFormulaSeed(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'cm-formulas-')), 'seed.json');
  writeFileSync(file, JSON.stringify(formulaSeed().state));
  return file;
}

export async function freezeEmulatorClock(url: string): Promise<void> {
  const res = await fetch(url + '/_emulator/clock', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now: NOW }) });
  if (!res.ok) throw new Error(`could not freeze the emulator clock: ${res.status}`);
}
