// Background jobs run by the add-on's single hourly trigger: the job registry, the time-budgeted run, the status record.
// Pure: time comes from a Clock, the status goes to a KeyValueStore (document properties in Apps Script).

import type { Clock, KeyValueStore } from './ports';

/** Handler name of the one time-driven trigger (a top-level function in entrypoints.js). */
export const SCHEDULER_HANDLER = 'runScheduledWork';
/** Document property holding the last run's record (JSON of SchedulerRecord). */
export const PROP_SCHEDULER_STATUS = 'CHARTMOGUL_SCHEDULER_STATUS';
/** Total time one trigger run may use (Apps Script stops executions at 6 minutes). */
export const RUN_BUDGET_MS = 5 * 60 * 1000;
/** A job is not started when less than this is left; it runs next hour instead. */
export const MIN_SLICE_MS = 30 * 1000;

export interface ScheduledJob {
  name: string;
  /** Does work until `deadline` (epoch ms). Returns true while the job still needs the trigger (work remains). */
  run(deadline: number): boolean;
}

export type JobStatus = 'done' | 'more' | 'skipped' | 'error';

export interface JobOutcome {
  name: string;
  status: JobStatus;
  error?: string;
  ms: number;
}

export interface SchedulerRecord {
  lastRunAt: string;
  lastResult: string;
  lastError: string | null;
  /** True when some job still needs the trigger (more work, an error, or skipped for lack of time). */
  needsTrigger: boolean;
  outcomes: JobOutcome[];
}

export interface SchedulerStatus {
  installed: boolean;
  lastRunAt: string | null;
  lastResult: string | null;
  lastError: string | null;
  jobs: string[];
}

/** Ordered job list; registering a name again replaces that job in place. Later features add their job here. */
export class JobRegistry {
  private readonly jobs: ScheduledJob[] = [];
  register(job: ScheduledJob): this {
    const i = this.jobs.findIndex((j) => j.name === job.name);
    if (i >= 0) this.jobs[i] = job;
    else this.jobs.push(job);
    return this;
  }
  list(): ScheduledJob[] {
    return this.jobs.slice();
  }
  names(): string[] {
    return this.jobs.map((j) => j.name);
  }
}

const LABEL: Record<JobStatus, string> = { done: 'done', more: 'work remains', skipped: 'skipped (no time left)', error: 'failed' };

function message(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.length > 500 ? m.slice(0, 497) + '...' : m;
}

/** Runs the jobs in order within `budgetMs`; one job failing never stops the next. */
export function runJobs(jobs: readonly ScheduledJob[], clock: Pick<Clock, 'now'>, budgetMs = RUN_BUDGET_MS): SchedulerRecord {
  const started = clock.now();
  const deadline = started + budgetMs;
  const outcomes: JobOutcome[] = [];
  for (const job of jobs) {
    const t0 = clock.now();
    if (deadline - t0 < MIN_SLICE_MS) {
      outcomes.push({ name: job.name, status: 'skipped', ms: 0 });
      continue;
    }
    try {
      const more = job.run(deadline);
      outcomes.push({ name: job.name, status: more ? 'more' : 'done', ms: clock.now() - t0 });
    } catch (e) {
      outcomes.push({ name: job.name, status: 'error', error: message(e), ms: clock.now() - t0 });
    }
  }
  const errors = outcomes.filter((o) => o.status === 'error');
  return {
    lastRunAt: new Date(started).toISOString(),
    lastResult: outcomes.length ? outcomes.map((o) => `${o.name}: ${LABEL[o.status]}`).join('; ') : 'no jobs',
    lastError: errors.length ? errors.map((o) => `${o.name}: ${o.error}`).join('; ') : null,
    needsTrigger: outcomes.some((o) => o.status !== 'done'),
    outcomes,
  };
}

export function saveRecord(store: KeyValueStore, record: SchedulerRecord): void {
  store.set(PROP_SCHEDULER_STATUS, JSON.stringify(record));
}

export function readRecord(store: KeyValueStore): SchedulerRecord | null {
  const raw = store.get(PROP_SCHEDULER_STATUS);
  if (!raw) return null;
  try {
    const r = JSON.parse(raw) as Partial<SchedulerRecord>;
    return typeof r.lastRunAt === 'string' ? (r as SchedulerRecord) : null;
  } catch {
    return null;
  }
}

export function schedulerStatus(store: KeyValueStore, installed: boolean, jobs: string[]): SchedulerStatus {
  const r = readRecord(store);
  return {
    installed,
    lastRunAt: r ? r.lastRunAt : null,
    lastResult: r ? r.lastResult : null,
    lastError: r ? r.lastError : null,
    jobs,
  };
}
