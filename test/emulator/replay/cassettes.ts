// Loads the recorded exchanges of /work/shared/chartmogul-fixtures/recorded/** and groups them into cassettes
// (file suffix `__NN` = position), plus the endpoint key used to compare against other recordings.

import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';

export interface Exchange {
  file: string;
  source: string;
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  request_body: unknown;
  status: number;
  response_body: unknown;
}

export interface Cassette {
  name: string;
  exchanges: Exchange[];
}

/** Path segments that are part of the API's vocabulary; anything else in a path is an id. */
const WORDS = new Set(
  ('v1 data_sources customers search attributes tags custom plans import invoices transactions subscriptions ' +
    'subscription_events json_imports metrics all mrr arr arpa asp customer-count customer-churn-rate mrr-churn-rate ltv ' +
    'activities account ping contacts merge customer_notes opportunities tasks plan_groups merges unmerges ' +
    'connect_subscriptions disconnect_subscriptions activities_export uploads line_items disabled_state status dependent').split(' '),
);

export function pathPattern(path: string): string {
  return path
    .split('/')
    .map((s) => (s === '' || WORDS.has(s) ? s : '{id}'))
    .join('/');
}

export function endpointKey(method: string, path: string, status: number): string {
  return `${method} ${pathPattern(path)} ${status}`;
}

export function fixturesDir(repoRoot: string): string {
  return join(repoRoot, '..', 'shared', 'chartmogul-fixtures');
}

export function loadCassettes(recordedDir: string): Cassette[] {
  if (!existsSync(recordedDir)) return [];
  const byName = new Map<string, { nn: number; ex: Exchange }[]>();
  for (const lib of readdirSync(recordedDir).sort()) {
    for (const f of readdirSync(join(recordedDir, lib)).sort()) {
      const m = /^(.*)__(\d+)\.json$/.exec(f);
      if (!m) continue;
      const ex = JSON.parse(readFileSync(join(recordedDir, lib, f), 'utf8')) as Exchange;
      ex.file = `${lib}/${f}`;
      const name = `${lib}/${m[1]}`;
      const list = byName.get(name) ?? [];
      list.push({ nn: Number(m[2]), ex });
      byName.set(name, list);
    }
  }
  return [...byName.entries()].map(([name, list]) => ({
    name,
    exchanges: list.sort((a, b) => a.nn - b.nn).map((x) => x.ex),
  }));
}
