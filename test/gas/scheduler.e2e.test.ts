// The single hourly scheduler trigger through the built bundle (and the gas module over installed fakes for fake jobs):
// created once and never twice, runs jobs, records failures in document properties, removed when idle, no Ui.

import { PROP_SCHEDULER_STATUS, type ScheduledJob } from '../../src/core/scheduler';
import { createGasEnvironment, installGlobals, type GasEnvironment } from '../fakes';
import { callEntry, loadBundle, type BundleContext } from '../support/load-bundle';

type Status = { installed: boolean; lastRunAt: string | null; lastResult: string | null; lastError: string | null; jobs: string[] };

function setup(): { env: GasEnvironment; ctx: BundleContext } {
  const env = createGasEnvironment();
  return { env, ctx: loadBundle(env) };
}

function uiCalls(env: GasEnvironment): number {
  return env.calls.get('SpreadsheetApp.getUi') + env.calls.get('SpreadsheetApp.Ui') + env.calls.get('HtmlService');
}

describe('scheduler trigger (bundle)', () => {
  it('is created once, hourly, for runScheduledWork, and never twice', () => {
    const { env, ctx } = setup();
    expect(callEntry<Status>(ctx, 'getSchedulerStatus').installed).toBe(false);
    const s1 = callEntry<Status>(ctx, 'ensureScheduler');
    const s2 = callEntry<Status>(ctx, 'ensureScheduler');
    expect(s1.installed && s2.installed).toBe(true);
    const list = env.triggers.list();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ handlerFunction: 'runScheduledWork', eventType: 'CLOCK', schedule: { everyHours: 1 } });
    expect(env.calls.get('ScriptApp.newTrigger')).toBe(1);
    expect(typeof ctx[list[0].handlerFunction]).toBe('function');
  });

  it('replaces a time-driven trigger left under another handler (one per user per document)', () => {
    const { env, ctx } = setup();
    env.untracked(() => (env.globals.ScriptApp as GoogleAppsScript.Script.ScriptApp).newTrigger('oldRefresh').timeBased().everyHours(2).create());
    callEntry(ctx, 'ensureScheduler');
    expect(env.triggers.list().map((t) => t.handlerFunction)).toEqual(['runScheduledWork']);
  });

  it('tolerates a trigger created concurrently by another execution', () => {
    const { env, ctx } = setup();
    const app = env.globals.ScriptApp as GoogleAppsScript.Script.ScriptApp;
    let first = true;
    // The first look sees no trigger; meanwhile "another execution" creates it, so our create() throws.
    const racing = () => {
      if (!first) return app.getProjectTriggers();
      first = false;
      env.untracked(() => app.newTrigger('runScheduledWork').timeBased().everyHours(1).create());
      return [];
    };
    ctx.ScriptApp = new Proxy(app, { get: (t, p) => (p === 'getProjectTriggers' ? racing : Reflect.get(t, p)) });
    expect(callEntry<Status>(ctx, 'ensureScheduler').installed).toBe(true);
    expect(env.triggers.list()).toHaveLength(1);
    expect(env.calls.get('ScriptApp.ClockTriggerBuilder.create')).toBe(1); // ours threw "too many", then found theirs
  });

  it('an idle run records itself in document properties, removes the trigger and uses no Ui', () => {
    const { env, ctx } = setup();
    callEntry(ctx, 'ensureScheduler');
    env.calls.reset();
    callEntry(ctx, 'runScheduledWork', env.eventObject({ triggerUid: env.triggers.list()[0].id }));
    expect(uiCalls(env)).toBe(0);
    expect(env.triggers.list()).toHaveLength(0);
    const status = callEntry<Status>(ctx, 'getSchedulerStatus');
    expect(status.installed).toBe(false);
    expect(status.lastRunAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(status.lastError).toBeNull();
    expect(status.lastResult).toContain('trigger removed');
    expect(env.properties.document.getProperty(PROP_SCHEDULER_STATUS)).toContain('"lastRunAt"');
    expect(JSON.parse(JSON.stringify(status))).toEqual(status); // plain JSON for google.script.run
  });
});

describe('runJobsAndRecord (gas module over the fakes, fake jobs)', () => {
  let env: GasEnvironment;
  let restore: () => void;
  beforeEach(() => {
    env = createGasEnvironment();
    restore = installGlobals(env);
  });
  afterEach(() => restore());

  async function gas() {
    return import('../../src/gas/scheduler');
  }

  it('runs the jobs in order, records a failure, keeps the trigger and touches no Ui', async () => {
    const { ensureScheduler, runJobsAndRecord, getSchedulerStatus } = await gas();
    ensureScheduler();
    env.calls.reset();
    const order: string[] = [];
    const jobs: ScheduledJob[] = [
      { name: 'import', run: () => { order.push('import'); throw new Error('Invalid API key'); } },
      { name: 'reports', run: () => (order.push('reports'), false) },
    ];
    const rec = runJobsAndRecord(jobs);
    expect(order).toEqual(['import', 'reports']);
    expect(rec.needsTrigger).toBe(true);
    expect(uiCalls(env)).toBe(0);
    expect(env.triggers.list()).toHaveLength(1);
    const s = getSchedulerStatus();
    expect(s).toMatchObject({ installed: true, lastResult: 'import: failed; reports: done', lastError: 'import: Invalid API key' });
  });

  it('keeps the trigger while work remains and removes it once every job is done', async () => {
    const { ensureScheduler, runJobsAndRecord } = await gas();
    ensureScheduler();
    let left = 2;
    const jobs: ScheduledJob[] = [{ name: 'import', run: () => --left > 0 }];
    expect(runJobsAndRecord(jobs).lastResult).toBe('import: work remains');
    expect(env.triggers.list()).toHaveLength(1);
    expect(runJobsAndRecord(jobs).lastResult).toBe('import: done; trigger removed (nothing left to do)');
    expect(env.triggers.list()).toHaveLength(0);
    // Needed again later: created again, still only one.
    ensureScheduler();
    ensureScheduler();
    expect(env.triggers.list()).toHaveLength(1);
  });

  it('gives each job the run deadline and skips jobs when the budget is spent', async () => {
    const { runJobsAndRecord } = await gas();
    let t = 1_000_000;
    const clock = { now: () => t };
    const deadlines: number[] = [];
    const rec = runJobsAndRecord(
      [
        { name: 'a', run: (d) => (deadlines.push(d), (t += 290_000), false) },
        { name: 'b', run: () => false },
      ],
      clock,
    );
    expect(deadlines).toEqual([1_000_000 + 300_000]);
    expect(rec.lastResult).toBe('a: done; b: skipped (no time left)');
  });
});
