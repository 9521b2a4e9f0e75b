// ChartMogulClient: builds authenticated requests, runs them with retry, pagination or batching, and exposes the
// typed resource groups. Synchronous (UrlFetchApp); all I/O goes through the injected HttpTransport and Clock.

import { Clock, HttpRequest, HttpResponse, HttpTransport, Logger } from '../ports';
import { USER_AGENT } from '../version';
import { base64Encode } from './base64';
import { BatchLimits, paceOne, sendBatch } from './batch';
import { ChartMogulError, errorFromResponse, redact } from './errors';
import { eachPage, iteratePages, listAll } from './pagination';
import { buildQueryString, percentEncode } from './query';
import { ApiRequest, CallOptions, ListOptions, ListRequest, ListResponse, Requester } from './request';
import { DEFAULT_RETRY_POLICY, RandomFn, RetryPolicy, sendWithRetry } from './retry';
import { AccountApi } from './resources/account';
import { CustomersApi } from './resources/customers';
import { DataSourcesApi } from './resources/dataSources';
import { InvoicesApi } from './resources/invoices';
import { JsonImportsApi } from './resources/jsonImports';
import { MetricsApi } from './resources/metrics';
import { PlansApi } from './resources/plans';
import { SubscriptionsApi } from './resources/subscriptions';

export const DEFAULT_BASE_URL = 'https://api.chartmogul.com';
/** Time budget for one call's retries when neither the call nor the client gives a deadline. */
export const DEFAULT_BUDGET_MS = 60000;

export interface ChartMogulClientOptions {
  apiKey: string;
  baseUrl?: string;
  transport: HttpTransport;
  clock: Clock;
  logger?: Logger;
  /** [0, 1) source for backoff jitter; defaults to Math.random. */
  random?: RandomFn;
  /** Absolute epoch-ms deadline applied to every call without its own (e.g. execution start + 5 min). */
  defaultDeadline?: number;
  /** Relative budget per call when no deadline is given anywhere (default 60 s). */
  budgetMs?: number;
  retry?: Partial<RetryPolicy>;
}

export interface BatchOptions extends CallOptions {
  limits?: Partial<BatchLimits>;
}

export type BatchResult<T> =
  | { ok: true; value: T; attempts: number }
  | { ok: false; error: ChartMogulError; attempts: number };

function stripUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(stripUndefined);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value as Record<string, unknown>)) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = stripUndefined(v);
    }
    return out;
  }
  return value;
}

/** JSON text with `undefined` removed (objects and arrays) and `null` kept, so callers can clear fields. */
export function serializeBody(body: unknown): string {
  return JSON.stringify(stripUndefined(body));
}

export class ChartMogulClient implements Requester {
  readonly account: AccountApi;
  readonly dataSources: DataSourcesApi;
  readonly customers: CustomersApi;
  readonly plans: PlansApi;
  readonly invoices: InvoicesApi;
  readonly subscriptions: SubscriptionsApi;
  readonly jsonImports: JsonImportsApi;
  readonly metrics: MetricsApi;

  private readonly baseUrl: string;
  /** Completion times of this client's recent requests (the account-wide 40/s budget). */
  private readonly recentSends: number[] = [];
  private readonly transport: HttpTransport;
  private readonly clock: Clock;
  private readonly logger?: Logger;
  private readonly random: RandomFn;
  private readonly policy: RetryPolicy;
  private readonly defaultDeadline?: number;
  private readonly budgetMs: number;
  /** Non-enumerable (see constructor) so dumping the client never prints credentials. */
  private declare readonly authorization: string;
  private declare readonly secrets: string[];

  constructor(options: ChartMogulClientOptions) {
    const apiKey = (options.apiKey || '').trim();
    if (!apiKey) throw new ChartMogulError({ status: 0, kind: 'unauthorized', retryable: false, attempts: 0, detail: 'No API key configured' });
    this.baseUrl = (options.baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, '');
    this.transport = options.transport;
    this.clock = options.clock;
    this.logger = options.logger;
    this.random = options.random || Math.random;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...(options.retry || {}) };
    this.defaultDeadline = options.defaultDeadline;
    this.budgetMs = options.budgetMs !== undefined ? options.budgetMs : DEFAULT_BUDGET_MS;
    const token = base64Encode(apiKey + ':');
    Object.defineProperty(this, 'authorization', { value: 'Basic ' + token, enumerable: false });
    Object.defineProperty(this, 'secrets', { value: [apiKey, token, percentEncode(apiKey)], enumerable: false });

    this.account = new AccountApi(this);
    this.dataSources = new DataSourcesApi(this);
    this.customers = new CustomersApi(this);
    this.plans = new PlansApi(this);
    this.invoices = new InvoicesApi(this);
    this.subscriptions = new SubscriptionsApi(this);
    this.jsonImports = new JsonImportsApi(this);
    this.metrics = new MetricsApi(this);
  }

  /** The transport-level request for a description (URL, headers incl. Basic auth, JSON body). */
  toHttpRequest(request: ApiRequest<unknown>): HttpRequest {
    const qs = buildQueryString(request.query);
    const http: HttpRequest = {
      method: request.method,
      url: this.baseUrl + request.path + (qs ? '?' + qs : ''),
      headers: {
        Authorization: this.authorization,
        Accept: 'application/json',
        'Content-Type': 'application/json',
        'User-Agent': USER_AGENT,
      },
    };
    if (request.body !== undefined) http.body = serializeBody(request.body);
    return http;
  }

  /** Sends one request (retrying 429/5xx/network within the deadline) and returns the parsed result or throws. */
  call<T>(request: ApiRequest<T>, options: CallOptions = {}): T {
    const deadline = this.resolveDeadline(options);
    const http = this.toHttpRequest(request);
    const label = `${request.method.toUpperCase()} ${request.path}`;
    const outcome = sendWithRetry(() => {
      paceOne(this.recentSends, this.clock);
      const res = this.transport.send(http);
      this.recentSends.push(this.clock.now());
      return res;
    }, {
      clock: this.clock, random: this.random, policy: this.policy, deadline,
      onRetry: (res, attempt, wait) => this.log(`${label} → ${describeStatus(res)}; retry ${attempt} in ${wait} ms`),
      onGiveUp: (res, attempt, why) => this.log(`${label} → ${describeStatus(res)}; giving up after ${attempt} attempt(s) (${why})`),
    });
    return this.finish(request, outcome.response, outcome.attempts);
  }

  /** Runs requests in parallel waves (≤ 20 in flight, ≤ 40/s); per-item value or error, in input order. */
  batch<T>(requests: ReadonlyArray<ApiRequest<T>>, options: BatchOptions = {}): BatchResult<T>[] {
    const https = requests.map((r) => this.toHttpRequest(r));
    const outcomes = sendBatch(https, {
      transport: this.transport, clock: this.clock, random: this.random, policy: this.policy,
      deadline: this.resolveDeadline(options), limits: options.limits, history: this.recentSends,
      onRetry: (req, res, attempt, wait) =>
        this.log(`batch ${req.method.toUpperCase()} ${stripQuery(req.url, this.baseUrl)} → ${describeStatus(res)}; retry ${attempt} in ${wait} ms`),
    });
    return outcomes.map((o, i): BatchResult<T> => {
      if (o.notSent) {
        const error = new ChartMogulError({
          status: 0, kind: 'deadline_exceeded', retryable: true, attempts: 0,
          method: requests[i].method.toUpperCase(), path: requests[i].path, secrets: this.secrets,
        });
        return { ok: false, error, attempts: 0 };
      }
      try {
        return { ok: true, value: this.finish(requests[i], o.response, o.attempts), attempts: o.attempts };
      } catch (e) {
        if (e instanceof ChartMogulError) return { ok: false, error: e, attempts: o.attempts };
        throw e;
      }
    });
  }

  /** One page per iteration (lazy). */
  pages<K extends string, T>(request: ListRequest<K, T>, options: ListOptions = {}): Generator<ListResponse<K, T>, void, undefined> {
    return iteratePages(this.fetcher(options), request, options);
  }

  /** Calls `onPage(items, page, index)` per page; return `false` to stop. Returns the number of pages read. */
  eachPage<K extends string, T>(
    request: ListRequest<K, T>, onPage: (items: T[], page: ListResponse<K, T>, index: number) => boolean | void, options: ListOptions = {},
  ): number {
    return eachPage(this.fetcher(options), request, onPage, options);
  }

  /** Every item of every page. */
  listAll<K extends string, T>(request: ListRequest<K, T>, options: ListOptions = {}): T[] {
    return listAll(this.fetcher(options), request, options);
  }

  private fetcher(options: CallOptions) {
    return <K extends string, T>(page: ListRequest<K, T>): ListResponse<K, T> => this.call(page, options);
  }

  private resolveDeadline(options: CallOptions): number {
    if (options.deadline !== undefined) return options.deadline;
    if (this.defaultDeadline !== undefined) return this.defaultDeadline;
    return this.clock.now() + this.budgetMs;
  }

  private finish<T>(request: ApiRequest<T>, response: HttpResponse, attempts: number): T {
    const ctx = { method: request.method.toUpperCase(), path: request.path, attempts, secrets: this.secrets };
    if (response.status < 200 || response.status > 299) {
      if (response.status === 404 && request.notFound) return request.notFound();
      throw errorFromResponse(response.status, response.body || '', ctx, response.networkError);
    }
    if (request.expect === 'none') return undefined as unknown as T;
    const text = (response.body || '').trim();
    if (text === '') return {} as T;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (_e) {
      throw new ChartMogulError({ ...ctx, status: response.status, kind: 'bad_response', retryable: false, body: response.body, detail: 'The response is not JSON' });
    }
    const collection = (request as Partial<ListRequest<string, unknown>>).collection;
    const isObj = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed);
    if (!isObj || (collection && !Array.isArray((parsed as Record<string, unknown>)[collection]))) {
      const detail = collection ? `The response has no "${collection}" list` : 'The response is not a JSON object';
      throw new ChartMogulError({ ...ctx, status: response.status, kind: 'bad_response', retryable: false, body: response.body, detail });
    }
    return parsed as T;
  }

  private log(message: string): void {
    if (this.logger) this.logger.log(redact(message, this.secrets));
  }
}

function describeStatus(res: HttpResponse): string {
  return res.status === 0 ? `network error (${res.networkError || 'no answer'})` : `HTTP ${res.status}`;
}

function stripQuery(url: string, baseUrl: string): string {
  const noQuery = url.split('?')[0];
  return noQuery.indexOf(baseUrl) === 0 ? noQuery.slice(baseUrl.length) : noQuery;
}
