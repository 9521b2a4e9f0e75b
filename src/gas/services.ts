// Builds the core's Services from Apps Script globals, lazily, once per execution.
// The only place (besides the adapters) that names UrlFetchApp, PropertiesService and Utilities.

import type { Services } from '../core/config';
import { AppsScriptClock } from './adapters/clock';
import { PropertiesStore } from './adapters/properties';
import { UrlFetchTransport } from './adapters/urlFetchTransport';

export function gasServices(): Services {
  return {
    transport: new UrlFetchTransport(UrlFetchApp),
    clock: new AppsScriptClock(Utilities),
    userProps: new PropertiesStore(PropertiesService.getUserProperties()),
    documentProps: new PropertiesStore(PropertiesService.getDocumentProperties()),
    scriptProps: new PropertiesStore(PropertiesService.getScriptProperties()),
    logger: { log: (m: string) => console.log(m) },
  };
}

/** Minutes east of UTC of `timeZone` at `utcMs` (Utilities.formatDate with pattern Z gives e.g. "+0100"). */
export function zoneOffset(timeZone: string, utcMs: number): number {
  const z = Utilities.formatDate(new Date(utcMs), timeZone, 'Z');
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(z);
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}
