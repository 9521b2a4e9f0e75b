// The sidebar's import loop without a browser: chunks until done, restart only on the first call, cancel after the
// chunk in flight, stop when chunks make no progress, errors handed over with the last summary.

import { CHUNK_MS, ImportRunner, MAX_STALLED_CHUNKS } from '../../src/ui/panels/importRunner';
import type { ImportOptions, ImportSummary } from '../../src/core/import/engine/types';

function summary(rowsDone: number, rowsTotal: number, extra: Partial<ImportSummary> = {}): ImportSummary {
  return {
    runId: 'r1', done: rowsDone >= rowsTotal, cancelled: false, mode: 'rows', tabs: {}, errors: [], rowsDone, rowsTotal,
    requests: 0, ratePerMinute: 0, etaSeconds: null, startedAt: '', updatedAt: '', finishedAt: null, message: '', ...extra,
  };
}

function harness(step: (call: number) => ImportSummary | Error) {
  const calls: ImportOptions[] = [];
  const events: string[] = [];
  let cancelled = 0;
  const server = {
    importTabs: async (_tabs: string[], o: ImportOptions) => {
      calls.push(o);
      const r = step(calls.length);
      if (r instanceof Error) throw r;
      return r;
    },
    cancelImport: async () => (cancelled++, summary(1, 10, { cancelled: true })),
  };
  const runner = new ImportRunner(server, {
    onChunk: (s) => events.push('chunk ' + s.rowsDone),
    onStop: (s, how) => events.push(how + ' ' + s.rowsDone),
    onError: (e, last) => events.push('error ' + e.message + ' ' + (last ? last.rowsDone : 'none')),
  });
  return { runner, calls, events, cancelled: () => cancelled };
}

describe('ImportRunner', () => {
  it('calls importTabs until done, with the chunk budget, restarting only on the first call', async () => {
    const h = harness((n) => summary(n * 4, 10));
    await h.runner.run(['Customers'], { mode: 'bulk', restart: true });
    expect(h.events).toEqual(['chunk 4', 'chunk 8', 'chunk 12', 'done 12']);
    expect(h.calls).toEqual([
      { mode: 'bulk', restart: true, timeBudgetMs: CHUNK_MS },
      { mode: 'bulk', timeBudgetMs: CHUNK_MS },
      { mode: 'bulk', timeBudgetMs: CHUNK_MS },
    ]);
    expect(h.runner.running).toBe(false);
  });

  it('cancel stops after the chunk in flight and calls cancelImport once', async () => {
    const h = harness((n) => summary(n, 100));
    const run = h.runner.run(['Customers'], {});
    h.runner.cancel();
    await run;
    expect(h.calls).toHaveLength(1);
    expect(h.cancelled()).toBe(1);
    expect(h.events).toEqual(['chunk 1', 'cancelled 1']);
  });

  it('stops when chunks make no progress (quota, rate limits), leaving the run to the trigger', async () => {
    const h = harness(() => summary(5, 10, { message: 'Daily quota used up' }));
    await h.runner.run(['Customers'], {});
    expect(h.calls).toHaveLength(MAX_STALLED_CHUNKS + 1);
    expect(h.events[h.events.length - 1]).toBe('stalled 5');
  });

  it('hands a server error over with the last summary', async () => {
    const h = harness((n) => (n === 2 ? new Error('Lock busy') : summary(3, 10)));
    await h.runner.run(['Customers'], {});
    expect(h.events).toEqual(['chunk 3', 'error Lock busy 3']);
    expect(h.runner.running).toBe(false);
  });
});
