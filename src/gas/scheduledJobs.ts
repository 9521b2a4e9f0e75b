// The jobs the hourly scheduler trigger runs, in order. Each feature that needs background work adds one line here.
// A job's run(deadline) returns true while it still needs the trigger; see src/core/scheduler.ts.

import { JobRegistry } from '../core/scheduler';
import { continueImportInBackground } from './importApi';
import { reportsJob } from './reportsJob';

export const scheduledJobs = new JobRegistry();

// (a) An import the sidebar left unfinished (it works within its own 4.5-minute budget, inside the run's 5 minutes).
// (b) Report refreshes that are due: the Export feature registers its job here.
scheduledJobs.register({ name: 'import', run: () => continueImportInBackground() });
scheduledJobs.register(reportsJob);
