// Rolling and fixed report ranges, and when saved reports are due (hourly, daily, weekly, with the trigger's slack).
// Pure core: no Apps Script, no HTTP.

import { describeRange, parseRange, resolveRange, shiftMonth } from '../../../src/core/reports/range';
import { isDue, nextDueAt, nextDueMs, parseSchedule, SLACK_MS } from '../../../src/core/reports/schedule';
import type { ReportSpec, Schedule } from '../../../src/core/reports/types';

describe('ranges', () => {
  it('shifts months across year boundaries', () => {
    expect(shiftMonth('2025-01-15', -1)).toBe('2024-12-01');
    expect(shiftMonth('2025-03-31', -14)).toBe('2024-01-01');
    expect(shiftMonth('2024-12-01', 1)).toBe('2025-01-01');
  });

  it('rolling N months runs from the 1st of the month N−1 months back to today', () => {
    expect(resolveRange({ type: 'rolling', months: 12 }, '2025-07-14')).toEqual({ start: '2024-08-01', end: '2025-07-14' });
    expect(resolveRange({ type: 'rolling', months: 1 }, '2025-02-28')).toEqual({ start: '2025-02-01', end: '2025-02-28' });
    expect(resolveRange({ type: 'fixed', start: '2024-01-01', end: '2024-06-30' }, '2030-01-01')).toEqual({ start: '2024-01-01', end: '2024-06-30' });
    expect(describeRange({ type: 'rolling', months: 3 }, { start: '2025-05-01', end: '2025-07-14' })).toBe('last 3 months (2025-05-01 → 2025-07-14)');
  });

  it('checks ranges as users give them', () => {
    expect(parseRange(undefined)).toEqual({ type: 'rolling', months: 12 });
    expect(parseRange({ type: 'rolling', months: '6' })).toEqual({ type: 'rolling', months: 6 });
    expect(() => parseRange({ type: 'rolling', months: 0 })).toThrow('range: rolling months must be a whole number from 1 to 120');
    expect(() => parseRange({ type: 'fixed', start: '2024-02-30', end: '2024-03-01' })).toThrow('start "2024-02-30" is not a date');
    expect(() => parseRange({ type: 'fixed', start: '2024-03-01', end: '2024-02-01' })).toThrow('end 2024-02-01 is before start 2024-03-01');
    expect(() => parseRange({ type: 'weekly' })).toThrow('type must be');
  });
});

describe('due computation', () => {
  const H = 3600000;
  const t0 = Date.UTC(2025, 6, 1, 9, 0, 0);
  const report = (schedule: Schedule, last: number | null) => ({
    spec: { schedule } as ReportSpec,
    lastRefreshAt: last === null ? null : new Date(last).toISOString(),
  });

  it('never for "none"; at once when never refreshed', () => {
    expect(nextDueMs(report('none', t0))).toBeNull();
    expect(isDue(report('none', null), t0)).toBe(false);
    expect(isDue(report('daily', null), t0)).toBe(true);
    expect(nextDueAt(report('daily', null), t0)).toBe(new Date(t0).toISOString());
  });

  it.each([
    ['hourly', H],
    ['daily', 24 * H],
    ['weekly', 7 * 24 * H],
  ] as Array<[Schedule, number]>)('%s: due one period after the last refresh, minus the slack', (schedule, period) => {
    const r = report(schedule, t0);
    expect(nextDueMs(r)).toBe(t0 + period);
    expect(isDue(r, t0 + period - SLACK_MS - 1)).toBe(false);
    expect(isDue(r, t0 + period - SLACK_MS)).toBe(true); // the hourly trigger fired a few minutes early
    expect(isDue(r, t0 + 3 * period)).toBe(true);
    expect(nextDueAt(r, t0)).toBe(new Date(t0 + period).toISOString());
    expect(nextDueAt(r, t0 + 5 * period)).toBe(new Date(t0 + 5 * period).toISOString()); // overdue: now
  });

  it('an hourly trigger refreshes a daily report once a day', () => {
    let last = t0;
    const runs: number[] = [];
    for (let h = 1; h <= 72; h++) {
      const now = t0 + h * H + 7 * 60000; // Google keeps a random minute
      if (isDue(report('daily', last), now)) {
        runs.push(h);
        last = now;
      }
    }
    expect(runs).toEqual([24, 48, 72]);
  });

  it('parses schedules', () => {
    expect(parseSchedule(undefined)).toBe('none');
    expect(parseSchedule(' Weekly ')).toBe('weekly');
    expect(() => parseSchedule('monthly')).toThrow('schedule: "monthly" is not one of none, hourly, daily, weekly');
  });
});
