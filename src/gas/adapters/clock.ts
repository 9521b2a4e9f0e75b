// Clock port over Apps Script: Date.now for time, Utilities.sleep (blocking) for waits.
// Utilities.sleep accepts at most 300,000 ms per call, so longer waits are split.

import { Clock } from '../../core/ports';

export type SleepLike = Pick<GoogleAppsScript.Utilities.Utilities, 'sleep'>;

const MAX_SLEEP_MS = 300000;

export class AppsScriptClock implements Clock {
  private readonly utilities: SleepLike;
  private readonly nowFn: () => number;

  constructor(utilities?: SleepLike, nowFn: () => number = () => Date.now()) {
    this.utilities = utilities || Utilities;
    this.nowFn = nowFn;
  }

  now(): number {
    return this.nowFn();
  }

  sleep(ms: number): void {
    let left = Math.max(0, Math.ceil(ms));
    while (left > 0) {
      const chunk = Math.min(left, MAX_SLEEP_MS);
      this.utilities.sleep(chunk);
      left -= chunk;
    }
  }
}
