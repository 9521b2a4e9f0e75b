// Tests for the pure scheduler core: job registry order and replacement, time-budgeted runs, failure isolation,
// and the status record kept in a key-value store.

import {
  JobRegistry, MIN_SLICE_MS, PROP_SCHEDULER_STATUS, ScheduledJob, readRecord, runJobs, saveRecord, schedulerStatus,
} from '../../src/core/scheduler';
import type { KeyValueStore } from '../../src/core/ports';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, get: (k) => data.get(k) ?? null, set: (k, v) => void data.set(k, v), remove: (k) => void data.delete(k), keys: () => [...data.keys()] };
}

function fakeClock(start = Date.UTC(2026, 0, 5, 9, 0, 0)) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('JobRegistry', () => {
  it('keeps registration order and replaces a job registered again under its name', () => {
    const r = new JobRegistry();
    r.register({ name: 'import', run: () => false }).register({ name: 'reports', run: () => false });
    const replacement: ScheduledJob = { name: 'import', run: () => true };
    r.register(replacement);
    expect(r.names()).toEqual(['import', 'reports']);
    expect(r.list()[0]).toBe(replacement);
  });
});

describe('runJobs', () => {
  it('runs jobs in order with the run deadline and reports whether the trigger is still needed', () => {
    const clock = fakeClock();
    const seen: [string, number][] = [];
    const jobs: ScheduledJob[] = [
      { name: 'import', run: (d) => (seen.push(['import', d]), clock.advance(1000), true) },
      { name: 'reports', run: (d) => (seen.push(['reports', d]), false) },
    ];
    const start = clock.now();
    const r = runJobs(jobs, clock, 60000);
    expect(seen).toEqual([['import', start + 60000], ['reports', start + 60000]]);
    expect(r.outcomes).toEqual([{ name: 'import', status: 'more', ms: 1000 }, { name: 'reports', status: 'done', ms: 0 }]);
    expect(r.lastRunAt).toBe('2026-01-05T09:00:00.000Z');
    expect(r.lastResult).toBe('import: work remains; reports: done');
    expect(r.lastError).toBeNull();
    expect(r.needsTrigger).toBe(true);
  });

  it('records a failing job and still runs the next one', () => {
    const clock = fakeClock();
    let ran = false;
    const r = runJobs([
      { name: 'import', run: () => { throw new Error('API key missing'); } },
      { name: 'reports', run: () => ((ran = true), false) },
    ], clock);
    expect(ran).toBe(true);
    expect(r.outcomes.map((o) => o.status)).toEqual(['error', 'done']);
    expect(r.lastError).toBe('import: API key missing');
    expect(r.lastResult).toBe('import: failed; reports: done');
    expect(r.needsTrigger).toBe(true);
  });

  it('skips jobs once less than the minimum slice is left', () => {
    const clock = fakeClock();
    const r = runJobs([
      { name: 'slow', run: (d) => (clock.advance(d - clock.now() - MIN_SLICE_MS + 1), false) },
      { name: 'next', run: () => { throw new Error('must not run'); } },
    ], clock, 120000);
    expect(r.outcomes.map((o) => [o.name, o.status])).toEqual([['slow', 'done'], ['next', 'skipped']]);
    expect(r.needsTrigger).toBe(true);
    expect(r.lastError).toBeNull();
  });

  it('with nothing to do no longer needs the trigger', () => {
    const r = runJobs([], fakeClock());
    expect(r).toMatchObject({ lastResult: 'no jobs', lastError: null, needsTrigger: false, outcomes: [] });
    expect(runJobs([{ name: 'a', run: () => false }], fakeClock()).needsTrigger).toBe(false);
  });

  it('keeps long error messages short', () => {
    const r = runJobs([{ name: 'a', run: () => { throw new Error('x'.repeat(2000)); } }], fakeClock());
    expect((r.outcomes[0].error as string).length).toBe(500);
  });
});

describe('status record', () => {
  it('round-trips through the store and builds the sidebar status', () => {
    const store = memoryStore();
    expect(schedulerStatus(store, false, ['import'])).toEqual({ installed: false, lastRunAt: null, lastResult: null, lastError: null, jobs: ['import'] });
    const rec = runJobs([{ name: 'import', run: () => { throw new Error('boom'); } }], fakeClock());
    saveRecord(store, rec);
    expect(readRecord(store)).toEqual(rec);
    expect(schedulerStatus(store, true, ['import'])).toEqual({
      installed: true, lastRunAt: '2026-01-05T09:00:00.000Z', lastResult: 'import: failed', lastError: 'import: boom', jobs: ['import'],
    });
  });

  it('ignores a corrupt record', () => {
    const store = memoryStore();
    store.set(PROP_SCHEDULER_STATUS, '{not json');
    expect(readRecord(store)).toBeNull();
    store.set(PROP_SCHEDULER_STATUS, '{"x":1}');
    expect(readRecord(store)).toBeNull();
  });
});
