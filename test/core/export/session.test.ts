// Formula sessions over scripted ports: the formula key and its "connect" message, cache keys per key/generation,
// TTLs handed to the cache, 4xx answers cached briefly, the 25 s deadline, and no key in any message.

import { coreFormulas, CONNECT_MESSAGE, FormulaDeps, FormulaError, PROP_FORMULA_GENERATION } from '../../../src/core/export';
import { PROP_API_BASE, PROP_FORMULA_API_KEY } from '../../../src/core/config';
import { ManualClock, MapCache, MapStore, RouteTransport, ScriptedLock } from './helpers';

const KEY = 'secret-formula-key-1234';
const entries = [{ date: '2024-01-31', mrr: 10000, 'percentage-change': 0, 'mrr-new-business': 10000, 'mrr-expansion': 0, 'mrr-contraction': 0, 'mrr-churn': 0, 'mrr-reactivation': 0 }];

function setup(docProps: Record<string, string> = { [PROP_FORMULA_API_KEY]: KEY }, routes?: ConstructorParameters<typeof RouteTransport>[0]) {
  const transport = new RouteTransport(routes || [[/^GET \/v1\/metrics\/mrr\?/, () => ({ body: { entries, summary: {} } })]]);
  const clock = new ManualClock();
  const cache = new MapCache();
  const documentProps = new MapStore(docProps);
  const deps: FormulaDeps = {
    services: { transport, clock, userProps: new MapStore(), documentProps, scriptProps: new MapStore({ [PROP_API_BASE]: 'http://emu.test' }) },
    cache, lock: new ScriptedLock(), today: '2024-06-19', startedAt: clock.now(),
  };
  return { transport, clock, cache, documentProps, deps };
}

const movements = { start_date: '2024-01-01', end_date: '2024-01-31' };
const failure = (fn: () => unknown): FormulaError => {
  try {
    fn();
  } catch (e) {
    return e as FormulaError;
  }
  throw new Error('expected a failure');
};

it('without a formula key: the "how to connect" message and no request', () => {
  const s = setup({});
  const e = failure(() => coreFormulas.mrrMovements(s.deps, movements));
  expect(e).toBeInstanceOf(FormulaError);
  expect(e.message).toBe(CONNECT_MESSAGE);
  expect(s.transport.requests).toHaveLength(0);
});

it('argument errors come before the key check and before any request', () => {
  const s = setup({});
  expect(failure(() => coreFormulas.mrrMovements(s.deps, { ...movements, interval: 'hourly' })).message).toMatch(/^interval: /);
  expect(s.transport.requests).toHaveLength(0);
});

it('caches per query with the TTL of its interval; a new generation or key misses', () => {
  const s = setup();
  coreFormulas.mrrMovements(s.deps, movements);
  coreFormulas.mrrMovements(s.deps, movements);
  expect(s.transport.requests).toHaveLength(1);
  expect(s.transport.requests[0].url).toBe('http://emu.test/v1/metrics/mrr?start-date=2024-01-01&end-date=2024-01-31&interval=month');
  const entry = [...s.cache.ttls.entries()].find(([k]) => /^cmf_[0-9a-f]+$/.test(k));
  expect(entry?.[1]).toBe(21600); // January is closed on 2024-06-19
  s.documentProps.set(PROP_FORMULA_GENERATION, 'g2');
  coreFormulas.mrrMovements(s.deps, movements);
  expect(s.transport.requests).toHaveLength(2);
  s.documentProps.set(PROP_FORMULA_API_KEY, 'another-key-5678');
  coreFormulas.mrrMovements(s.deps, movements);
  expect(s.transport.requests).toHaveLength(3);
  for (const v of s.cache.data.values()) expect(v).not.toContain(KEY);
  for (const k of s.cache.data.keys()) expect(k).not.toContain(KEY);
});

it('a 400 answer is cached for a minute (a storm of bad cells asks once) and never shows the key', () => {
  const s = setup(undefined, [[/metrics/, (req) => ({ status: 400, body: { code: 400, message: `Invalid filters: bad ${req.headers.Authorization} ${KEY}`, param: 'filters' } })]]);
  const a = { ...movements, filters: "nope~ANY~'x'" };
  const messages = [1, 2, 3].map(() => failure(() => coreFormulas.mrrMovements(s.deps, a)).message);
  expect(s.transport.requests).toHaveLength(1);
  expect(messages[0]).toBe("ChartMogul: filters: Invalid filters: bad Basic [REDACTED] [REDACTED]");
  expect(new Set(messages).size).toBe(1);
  for (const m of messages) {
    expect(m).not.toContain(KEY);
    expect(m).not.toContain(Buffer.from(KEY + ':').toString('base64'));
  }
  expect([...s.cache.ttls.values()]).toContain(60);
});

it('401: says to update the formula key', () => {
  const s = setup(undefined, [[/metrics/, () => ({ status: 401, body: { code: 401, message: 'No valid API key provided', param: null } })]]);
  expect(failure(() => coreFormulas.mrrMovements(s.deps, movements)).message).toBe(
    'ChartMogul rejected the formula key: update it in Extensions › ChartMogul › Open sidebar › Settings',
  );
});

it('retries stop at the 25 s deadline from the start of the execution', () => {
  const s = setup(undefined, [[/metrics/, () => ({ status: 503, body: { code: 503, message: 'busy' } })]]);
  const e = failure(() => coreFormulas.mrrMovements(s.deps, movements));
  expect(e.message).toMatch(/did not answer in time|busy/);
  expect(s.clock.now() - s.deps.startedAt).toBeLessThanOrEqual(25000);
  expect(s.transport.requests.length).toBeGreaterThan(1);
});

it('no cache available: every call fetches', () => {
  const s = setup();
  s.deps.cache = null;
  coreFormulas.mrrMovements(s.deps, movements);
  coreFormulas.mrrMovements(s.deps, movements);
  expect(s.transport.requests).toHaveLength(2);
});
