// One formula execution: reads the formula key and cache generation, builds the client with a deadline, and serves
// each ChartMogul query from the chunked cache with single-flight coalescing (a 4xx answer is cached briefly too).

import { ChartMogulClient, ChartMogulError } from '../chartmogul';
import { apiBaseUrl, makeClient, PROP_FORMULA_API_KEY, PROP_FORMULA_CURRENCY, Services } from '../config';
import type { Cache, Lock } from '../ports';
import { ChunkedCache } from './chunkedCache';
import { singleFlight, FlightSource } from './coalesce';
import { CONNECT_MESSAGE, FormulaError, formulaMessage } from './errors';
import { hash53 } from './hash';
import { ERROR_TTL_SECONDS } from './ttl';

/** Document property holding the cache generation that "Refresh ChartMogul formulas" bumps. */
export const PROP_FORMULA_GENERATION = 'CHARTMOGUL_FORMULA_GENERATION';
/** Each formula call stays well inside Apps Script's 30 s custom-function limit. */
export const FORMULA_BUDGET_MS = 25000;
/** Time kept for our own fetch after waiting for another execution's. */
const OWN_FETCH_RESERVE_MS = 12000;
const CACHED_ERROR_KINDS = ['invalid_request', 'validation', 'not_found', 'unauthorized', 'forbidden'];

export interface FormulaDeps {
  services: Services;
  /** Document cache (null when unavailable: every call fetches). */
  cache: Cache | null;
  lock: Lock | null;
  /** Today in the spreadsheet's time zone, YYYY-MM-DD. */
  today: string;
  /** Epoch ms when the execution started. */
  startedAt: number;
}

/** A cacheable query: its canonical text (endpoint + normalised parameters) and TTL in seconds. */
export interface CachedQuery {
  canonical: string;
  ttl: number;
}

export type SessionStats = Record<FlightSource, number>;

export class FormulaSession {
  readonly deadline: number;
  readonly today: string;
  /** Currency of the formula key's account (saved with the key); money is converted with its ISO 4217 decimals. */
  readonly currency: string | null;
  readonly stats: SessionStats = { cache: 0, waited: 0, fetched: 0 };
  private readonly apiKey: string;
  private readonly scope: string;
  private readonly store: ChunkedCache | null;
  private built: ChartMogulClient | null = null;

  constructor(private readonly deps: FormulaDeps) {
    const key = (deps.services.documentProps.get(PROP_FORMULA_API_KEY) || '').trim();
    if (!key) throw new FormulaError(CONNECT_MESSAGE);
    this.apiKey = key;
    this.currency = deps.services.documentProps.get(PROP_FORMULA_CURRENCY) || null;
    this.today = deps.today;
    this.deadline = deps.startedAt + FORMULA_BUDGET_MS;
    const generation = deps.services.documentProps.get(PROP_FORMULA_GENERATION) || '0';
    // Cache entries are per API base, key (by fingerprint only) and generation.
    this.scope = [apiBaseUrl(deps.services), hash53(key, 7), generation].join('|');
    this.store = deps.cache ? new ChunkedCache(deps.cache, deps.services.logger) : null;
  }

  get client(): ChartMogulClient {
    if (!this.built) this.built = makeClient(this.deps.services, this.apiKey, this.deadline);
    return this.built;
  }

  /** Message for an error, scrubbed of this session's key. */
  message(e: unknown): string {
    return formulaMessage(e, this.apiKey);
  }

  cached<T>(query: CachedQuery, fetchFresh: (client: ChartMogulClient, deadline: number) => T): T {
    const store = this.store;
    if (!store || !this.deps.cache) return fetchFresh(this.client, this.deadline);
    const id = this.scope + '\n' + query.canonical;
    const key = 'cmf_' + hash53(id);
    const read = (): { v: T } | null => {
      const env = store.read(key, id);
      if (!env) return null;
      if (typeof env.e === 'string') throw new FormulaError(env.e);
      return { v: env.v as T };
    };
    const clock = this.deps.services.clock;
    const result = singleFlight(
      key + '.flight',
      { cache: this.deps.cache, lock: this.deps.lock, clock, waitUntil: this.deadline - OWN_FETCH_RESERVE_MS, token: key + clock.now() },
      read,
      () => {
        try {
          const v = fetchFresh(this.client, this.deadline);
          store.write(key, { q: id, at: clock.now(), v }, query.ttl);
          return { v };
        } catch (e) {
          if (e instanceof ChartMogulError && CACHED_ERROR_KINDS.indexOf(e.kind) >= 0) {
            store.write(key, { q: id, at: clock.now(), e: this.message(e) }, ERROR_TTL_SECONDS);
          }
          throw e;
        }
      },
    );
    this.stats[result.source]++;
    return result.value.v;
  }

  /** Throws when the remaining time cannot fit another page (lists are paged 200 at a time). */
  checkTime(what: string): void {
    if (this.deps.services.clock.now() > this.deadline - 3000) {
      throw new FormulaError(`Too many ${what} for one formula within the time limit: narrow the query`);
    }
  }
}

/** Canonical text of a query: endpoint + parameters in key order (values encoded), blanks dropped. */
export function canonicalQuery(endpoint: string, params: Record<string, string | number | undefined>): string {
  const keys = Object.keys(params).filter((k) => params[k] !== undefined && params[k] !== '').sort();
  // Values are encoded so a filter containing "&" or "=" can never read as another query's parameters.
  return endpoint + '?' + keys.map((k) => `${k}=${encodeURIComponent(String(params[k]))}`).join('&');
}
