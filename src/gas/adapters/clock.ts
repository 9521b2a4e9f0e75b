// Clock port over Apps Script: Date.now for time, Utilities.sleep (blocking) for waits.
// Utilities.sleep accepts at most 300,000 ms per call, so longer waits are split.

import { Clock } from '../../core/ports';

export type SleepLike = Pick<GoogleAppsScript.Utilities.Utilities, 'sleep'>;

const MAX_SLEEP_MS = 300000;
/** Longest stretch waited out on Date.now when Utilities.sleep returns early (see sleep). */
const MAX_WALL_WAIT_MS = 1000;

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

  /**
   * Blocks for `ms` with Utilities.sleep. Short waits pace requests against ChartMogul's per-second limit, so they
   * must really pass: if Utilities.sleep returned early (a stand-in whose sleep only moves a virtual clock), up to
   * one second is waited out on Date.now. In Apps Script Utilities.sleep blocks, so that loop never spins.
   */
  sleep(ms: number): void {
    let left = Math.max(0, Math.ceil(ms));
    const started = Date.now();
    const wallTarget = Math.min(left, MAX_WALL_WAIT_MS);
    while (left > 0) {
      const chunk = Math.min(left, MAX_SLEEP_MS);
      this.utilities.sleep(chunk);
      left -= chunk;
    }
    while (Date.now() - started < wallTarget) {
      /* Utilities.sleep returned early: wait out the rest of a short pause */
    }
  }
}
