// Tests for the Apps Script clock adapter: now() from the injected time source, sleep() through Utilities.sleep
// split into chunks of at most 300 s (Utilities.sleep's limit).

import { AppsScriptClock } from '../../../src/gas/adapters/clock';

describe('AppsScriptClock', () => {
  it('reads the time source and sleeps through Utilities.sleep', () => {
    const sleeps: number[] = [];
    const clock = new AppsScriptClock({ sleep: (ms: number) => { sleeps.push(ms); } }, () => 1234);
    expect(clock.now()).toBe(1234);
    clock.sleep(250.2);
    clock.sleep(0);
    clock.sleep(-5);
    clock.sleep(700000);
    expect(sleeps).toEqual([251, 300000, 300000, 100000]);
  });

  it('defaults to Date.now', () => {
    const clock = new AppsScriptClock({ sleep: () => undefined });
    expect(Math.abs(clock.now() - Date.now())).toBeLessThan(1000);
  });

  it('really waits a short pause even when Utilities.sleep returns at once (pacing must hold against the API)', () => {
    const clock = new AppsScriptClock({ sleep: () => undefined });
    const t0 = Date.now();
    clock.sleep(300);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(300);
  });
});
