// Public surface of the formula ("Export") core: what src/gas/formulas.ts and the tests import.
// Pure: argument checks, queries, table shaping, cache keys/chunking/TTL and storm coalescing over the ports.

export * from './types';
export { ArgumentError, FormulaError, CONNECT_MESSAGE, formulaMessage } from './errors';
export { coreFormulas, runFormula } from './run';
export { FormulaSession, PROP_FORMULA_GENERATION, FORMULA_BUDGET_MS, canonicalQuery } from './session';
export type { FormulaDeps, CachedQuery, SessionStats } from './session';
export { bumpGeneration, formulaCells, FORMULA_PATTERN } from './refresh';
export type { FormulaCell } from './refresh';
export { ChunkedCache, CHUNK_CHARS, MAX_CHUNKS, asciiJson } from './chunkedCache';
export { singleFlight } from './coalesce';
export { metricTtl, activityTtl, LIVE_TTL_SECONDS, MAX_TTL_SECONDS, LIST_TTL_SECONDS, ERROR_TTL_SECONDS } from './ttl';
export { METRIC_CATALOG } from './metricCatalog';
export { MOVEMENT_HEADERS } from './metricFormulas';
export { SUBSCRIPTION_HEADERS } from './customerFormulas';
export { ACTIVITY_HEADERS } from './activityFormulas';
export { CUSTOMER_FIELDS, DEFAULT_CUSTOMER_FIELDS } from './customerFields';
