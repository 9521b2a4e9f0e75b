// The add-on's single time-driven trigger (hourly, handler runScheduledWork): create once, run jobs, record, remove.
// A published Editor add-on may hold one time-driven trigger per user per document; trigger runs must not use the Ui.

import {
  RUN_BUDGET_MS, SCHEDULER_HANDLER, ScheduledJob, SchedulerRecord, SchedulerStatus, runJobs, saveRecord, schedulerStatus,
} from '../core/scheduler';
import { PropertiesStore } from './adapters/properties';
import { scheduledJobs } from './scheduledJobs';

function documentStore(): PropertiesStore {
  return new PropertiesStore(PropertiesService.getDocumentProperties());
}

function schedulerTriggers(): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === SCHEDULER_HANDLER);
}

/** Where things stand: is the trigger installed for this user, what did its last run do, which jobs exist. */
export function getSchedulerStatus(): SchedulerStatus {
  return schedulerStatus(documentStore(), schedulerTriggers().length > 0, scheduledJobs.names());
}

/**
 * Makes sure the hourly trigger exists exactly once. A time-driven trigger with another handler (left by an older
 * version) would block ours under the one-trigger rule, so it is replaced.
 */
export function ensureScheduler(): SchedulerStatus {
  const mine = schedulerTriggers();
  if (mine.length === 0) {
    for (const t of ScriptApp.getProjectTriggers()) {
      const foreign = t.getHandlerFunction() !== SCHEDULER_HANDLER;
      if (foreign && t.getEventType() === ScriptApp.EventType.CLOCK) ScriptApp.deleteTrigger(t);
    }
    try {
      ScriptApp.newTrigger(SCHEDULER_HANDLER).timeBased().everyHours(1).create();
    } catch (e) {
      if (schedulerTriggers().length === 0) throw e; // not a concurrent creation by another execution
    }
  } else {
    for (const extra of mine.slice(1)) ScriptApp.deleteTrigger(extra);
  }
  return getSchedulerStatus();
}

/** Deletes the trigger (nothing left to do). Returns true when one was deleted. */
export function removeScheduler(): boolean {
  const mine = schedulerTriggers();
  for (const t of mine) ScriptApp.deleteTrigger(t);
  return mine.length > 0;
}

/** runScheduledWork with an explicit job list and clock (tests). Records the run in document properties. */
export function runJobsAndRecord(
  jobs: readonly ScheduledJob[],
  clock: { now(): number } = { now: () => Date.now() },
  budgetMs = RUN_BUDGET_MS,
): SchedulerRecord {
  const record = runJobs(jobs, clock, budgetMs);
  if (!record.needsTrigger) {
    try {
      if (removeScheduler()) record.lastResult += '; trigger removed (nothing left to do)';
    } catch (e) {
      record.lastError = 'removing the trigger: ' + (e instanceof Error ? e.message : String(e));
    }
  }
  saveRecord(documentStore(), record);
  return record;
}

/** The trigger handler: runs every registered job within ~5 minutes. Failures are recorded, never shown (no Ui). */
export function runScheduledWork(_e?: GoogleAppsScript.Events.TimeDriven): void {
  runJobsAndRecord(scheduledJobs.list());
}
