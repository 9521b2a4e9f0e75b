// The scheduler job "report refreshes": continues unfinished list reports and refreshes the due ones within the
// trigger run's deadline, logging each refresh. Registered in scheduledJobs.ts; never uses the Ui.

import { runDueReports } from '../core/reports';
import type { ScheduledJob } from '../core/scheduler';
import { reportDeps } from './reports/deps';

export const REPORTS_JOB_NAME = 'report refreshes';

export const reportsJob: ScheduledJob = {
  name: REPORTS_JOB_NAME,
  run(deadline: number): boolean {
    const lock = LockService.getDocumentLock();
    if (!lock.tryLock(20000)) return true; // busy (a sidebar refresh or an import): next hour
    try {
      return runDueReports(reportDeps(deadline, () => undefined));
    } finally {
      lock.releaseLock();
    }
  },
};
