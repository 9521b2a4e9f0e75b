// Decides whether the spreadsheet's and the ChartMogul account's time zones differ (for the sidebar warning).
// Compares IANA names, treating the many spellings of UTC as one; zones with the same rules but other names differ.

const UTC_ALIASES = new Set(
  ['UTC', 'Etc/UTC', 'UCT', 'Etc/UCT', 'GMT', 'Etc/GMT', 'GMT0', 'Etc/GMT0', 'GMT+0', 'Etc/GMT+0', 'GMT-0', 'Etc/GMT-0',
    'Universal', 'Etc/Universal', 'Zulu', 'Etc/Zulu', 'Greenwich', 'Etc/Greenwich'].map((z) => z.toLowerCase()),
);

export function canonicalZone(zone: string): string {
  const z = zone.trim().toLowerCase();
  return UTC_ALIASES.has(z) ? 'utc' : z;
}

/** False when either zone is unknown (empty): nothing to warn about yet. */
export function timeZonesDiffer(spreadsheetZone: string, accountZone: string | null | undefined): boolean {
  if (!spreadsheetZone || !accountZone) return false;
  return canonicalZone(spreadsheetZone) !== canonicalZone(accountZone);
}
