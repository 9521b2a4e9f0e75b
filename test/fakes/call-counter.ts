// Per-service and per-method call counts of the Apps Script fakes ('SpreadsheetApp.Range.setValues', ...).
// get('SpreadsheetApp') sums every key under that prefix; benchmarks report "spreadsheet service calls" from it.

export class CallCounter {
  private readonly counts = new Map<string, number>();

  increment(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** Exact key count plus every key below it: get('SpreadsheetApp'), get('SpreadsheetApp.Range'), get('UrlFetchApp.fetch'). */
  get(prefix: string): number {
    let n = 0;
    for (const [key, count] of this.counts) {
      if (key === prefix || key.startsWith(prefix + '.')) n += count;
    }
    return n;
  }

  total(): number {
    let n = 0;
    for (const count of this.counts.values()) n += count;
    return n;
  }

  reset(): void {
    this.counts.clear();
  }

  snapshot(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const key of [...this.counts.keys()].sort()) out[key] = this.counts.get(key) as number;
    return out;
  }
}
