// One pass shared by Check, Estimate and Import: read the tabs, resolve references (receipts, then ChartMogul),
// and run every check of the import core with what ChartMogul already holds.

import { validateWorkbook } from '../validate';
import type { Known, ParsedTab, TabName } from '../types';
import { IdMaps, loadWorkbook, mapsFromReceipts, Workbook } from './load';
import { knownFromMaps, lookupReferences, lookupSubscriptionEvents, lookupSubscriptions, permissiveKnown, subscriptionsToCheck, wantedReferences } from './lookup';
import type { EngineDeps } from './ports';

export interface Prepared {
  wb: Workbook;
  maps: IdMaps;
}

export interface PrepareOptions {
  /** Add missing receipt columns. */
  writable: boolean;
  /** Resolve references against ChartMogul (false: assume they exist; no requests). */
  lookups: boolean;
}

/** What preparing needs; the client only when references are looked up. */
export type PrepareDeps = Pick<EngineDeps, 'workbook' | 'clock' | 'zoneOffset'> & Partial<Pick<EngineDeps, 'client' | 'dataSourceUuid'>>;

export function prepare(deps: PrepareDeps, tabs: string[] | undefined, o: PrepareOptions): Prepared {
  const wb = loadWorkbook(deps, tabs, o.writable);
  const maps = mapsFromReceipts(wb);
  let known: Known = permissiveKnown();
  if (o.lookups) {
    if (!deps.client || !deps.dataSourceUuid) throw new Error('Connect ChartMogul and choose a data source in Settings first.');
    lookupReferences(deps.client, deps.dataSourceUuid, wantedReferences(wb, maps), maps);
    known = knownFromMaps(maps);
    const subs = subscriptionsToCheck(wb, maps);
    if (subs.rows.length) {
      const found = lookupSubscriptions(deps.client, subs.customerUuids);
      const set = known.subscriptions as Set<string>;
      const missing = subs.rows.filter((r) => !found.has(r.customer + '|' + r.sub));
      for (const r of subs.rows) if (found.has(r.customer + '|' + r.sub)) set.add(r.sub);
      // Subscriptions driven by subscription events are not imported subscriptions: their events say they exist.
      const events = lookupSubscriptionEvents(deps.client, deps.dataSourceUuid, missing.map((r) => ({ customer: r.customerExternalId, sub: r.sub })));
      events.forEach((r, i) => {
        if (!r.ok) throw r.error;
        if (r.value.length) set.add(missing[i].sub);
      });
    }
  }
  const parsed: Partial<Record<TabName, ParsedTab>> = {};
  for (const tab of wb.selected) parsed[tab] = (wb.tabs[tab] as { parsed: ParsedTab }).parsed;
  validateWorkbook(parsed, known);
  return { wb, maps };
}
