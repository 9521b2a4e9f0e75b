// When saved reports are due: hourly, daily or weekly after the last successful refresh, checked by the one
// hourly scheduler trigger (which fires at a random minute, so a slack of 10 minutes keeps "hourly" hourly).

import { parseInstant } from '../export/days';
import type { SavedReport, Schedule } from './types';

export const SCHEDULES: readonly Schedule[] = ['none', 'hourly', 'daily', 'weekly'];
const HOUR = 3600000;
export const PERIOD_MS: Record<Exclude<Schedule, 'none'>, number> = { hourly: HOUR, daily: 24 * HOUR, weekly: 7 * 24 * HOUR };
/** A trigger run this much earlier than a full period still counts (Google shifts hourly runs by minutes). */
export const SLACK_MS = 10 * 60000;

export function parseSchedule(v: unknown): Schedule {
  if (v === undefined || v === null || v === '') return 'none';
  const s = String(v).trim().toLowerCase();
  if ((SCHEDULES as readonly string[]).indexOf(s) < 0) throw new Error(`schedule: "${String(v)}" is not one of none, hourly, daily, weekly`);
  return s as Schedule;
}

/**
 * Epoch ms when the report is next due, or null when it has no schedule. Never refreshed: due at once.
 * Due times follow the last successful refresh, so a failed scheduled refresh is retried at the next hourly run.
 */
export function nextDueMs(report: Pick<SavedReport, 'spec' | 'lastRefreshAt'>): number | null {
  const schedule = report.spec.schedule;
  if (schedule === 'none') return null;
  if (!report.lastRefreshAt) return 0;
  const last = parseInstant(report.lastRefreshAt);
  if (isNaN(last)) return 0;
  return last + PERIOD_MS[schedule];
}

export function isDue(report: Pick<SavedReport, 'spec' | 'lastRefreshAt'>, now: number): boolean {
  const due = nextDueMs(report);
  return due !== null && now >= due - SLACK_MS;
}

export function nextDueAt(report: Pick<SavedReport, 'spec' | 'lastRefreshAt'>, now: number): string | null {
  const due = nextDueMs(report);
  if (due === null) return null;
  return new Date(Math.max(due, now)).toISOString();
}
