// List paging with checkpoints: chunks staged and checkpointed, a stop after N pages or near the deadline, resuming
// from the saved cursor, custom attribute columns growing across pages, subscriptions stopping mid-page.

import type { ChartMogulClient } from '../../../src/core/chartmogul';
import type { OutCell } from '../../../src/core/export/types';
import { ListCheckpoint, listColumns, newCheckpoint, runList, ListRunDeps, PAGE_RESERVE_MS } from '../../../src/core/reports/listRun';

interface FakeCustomer {
  uuid: string;
  external_id: string;
  name: string;
  attributes: { tags: string[]; custom: Record<string, unknown> };
}

function customers(n: number): FakeCustomer[] {
  return Array.from({ length: n }, (_, i) => ({
    uuid: 'cus_' + i, external_id: 'c' + i, name: 'Customer ' + i,
    attributes: { tags: [], custom: i === 1 ? { channel: 'ads' } : i === 4 ? { tier: 'gold', channel: 'seo' } : {} },
  }));
}

function fakeClient(all: FakeCustomer[], calls: string[]): ChartMogulClient {
  const page = (cursor: string | undefined, perPage: number) => {
    const start = cursor ? Number(cursor) : 0;
    const entries = all.slice(start, start + perPage);
    const more = start + perPage < all.length;
    return { entries, has_more: more, cursor: more ? String(start + perPage) : null };
  };
  return {
    customers: {
      list: (p: { per_page: number; cursor?: string }) => {
        calls.push('customers ' + (p.cursor ?? '-'));
        return page(p.cursor, p.per_page);
      },
    },
    subscriptions: {
      listAllForCustomer: (uuid: string) => {
        calls.push('subs ' + uuid);
        return [{ uuid: 'sub_' + uuid, external_id: 's', plan: 'Basic', quantity: 1, mrr: 1000, arr: 12000, status: 'active', currency: 'USD' }];
      },
    },
  } as unknown as ChartMogulClient;
}

function harness(opts: Partial<ListRunDeps> & { all: FakeCustomer[] }) {
  const calls: string[] = [];
  const staged: Array<{ start: number; width: number; rows: OutCell[][] }> = [];
  const saved: ListCheckpoint[] = [];
  const deps: ListRunDeps = {
    client: fakeClient(opts.all, calls),
    perPage: 2,
    chunkPages: 1,
    pagesPerCall: Infinity,
    deadline: 10 ** 12,
    now: () => 0,
    stage: (start, columns, rows) => staged.push({ start, width: columns.length, rows }),
    save: (cp) => saved.push(JSON.parse(JSON.stringify(cp))),
    ...opts,
  };
  return { deps, calls, staged, saved };
}

const start = (kind: 'customers' | 'subscriptions') => newCheckpoint(kind, 'USD', { start: '2025-01-01', end: '2025-06-30' }, '2025-07-01T00:00:00.000Z');

describe('runList', () => {
  it('follows every page; small lists stay in memory (nothing staged)', () => {
    const h = harness({ all: customers(5), chunkPages: 5 });
    const r = runList(h.deps, start('customers'));
    expect(r.done).toBe(true);
    expect(h.calls).toEqual(['customers -', 'customers 2', 'customers 4']);
    expect(h.staged).toEqual([]);
    expect(r.rows.map((row) => row[1])).toEqual(['c0', 'c1', 'c2', 'c3', 'c4']);
    expect(r.columns.slice(-2).map((c) => [c.title, c.type])).toEqual([['channel', 'mixed'], ['tier', 'mixed']]);
  });

  it('checkpoints after each chunk, stops after N pages and resumes from the saved cursor', () => {
    const h = harness({ all: customers(5), pagesPerCall: 2 });
    const first = runList(h.deps, start('customers'));
    expect(first.done).toBe(false);
    expect(h.staged.map((s) => [s.start, s.rows.length, s.width])).toEqual([[0, 2, 15], [2, 2, 15]]);
    expect(h.saved.map((c) => [c.cursor, c.staged, c.pages, c.customKeys])).toEqual([
      ['2', 2, 1, ['channel']],
      ['4', 4, 2, ['channel']],
    ]);
    const second = runList(h.deps, h.saved[1]);
    expect(second.done).toBe(true);
    expect(h.calls).toEqual(['customers -', 'customers 2', 'customers 4']);
    expect(second.checkpoint.staged).toBe(4);
    expect(second.rows).toHaveLength(1);
    expect(second.columns.map((c) => c.title).slice(-2)).toEqual(['channel', 'tier']);
    // the tail row has the new key's column; earlier staged rows are padded by the writer
    expect(second.rows[0].slice(-2)).toEqual(['seo', 'gold']);
  });

  it('stops before the deadline and never starts a page inside the reserve', () => {
    let now = 0;
    const h = harness({ all: customers(9), deadline: PAGE_RESERVE_MS + 1000, now: () => now });
    h.deps.client.customers.list = ((p: { per_page: number; cursor?: string }) => {
      now += 600; // each page takes 0.6 s
      return fakeClient(customers(9), h.calls).customers.list(p as never);
    }) as never;
    const r = runList(h.deps, start('customers'));
    expect(r.done).toBe(false);
    expect(r.checkpoint.pages).toBe(2);
    expect(h.saved[h.saved.length - 1].cursor).toBe('4');
  });

  it('subscriptions stop between customers and continue with the rest of the same page', () => {
    let now = 0;
    const h = harness({ all: customers(3), perPage: 3, deadline: PAGE_RESERVE_MS + 1000, now: () => now });
    const inner = h.deps.client.subscriptions.listAllForCustomer;
    h.deps.client.subscriptions.listAllForCustomer = ((uuid: string) => {
      now += 600;
      return inner(uuid);
    }) as never;
    const first = runList(h.deps, start('subscriptions'));
    expect(first.done).toBe(false);
    expect(first.checkpoint).toMatchObject({ cursor: null, skip: 2, staged: 2 });
    now = 0;
    const second = runList(h.deps, first.checkpoint);
    expect(second.done).toBe(true);
    expect(h.calls.filter((c) => c.startsWith('subs'))).toEqual(['subs cus_0', 'subs cus_1', 'subs cus_2']);
    expect(second.rows.map((r) => r[1])).toEqual(['cus_2']);
    expect(second.rows[0][7]).toBe(10); // cents → currency units
  });

  it('columns are the fixed ones plus custom keys in order of first appearance', () => {
    expect(listColumns('customers', ['b', 'a']).slice(-2).map((c) => c.title)).toEqual(['b', 'a']);
  });
});
