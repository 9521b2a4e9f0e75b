// Public surface of the ChartMogul API client: the client, its error type, helpers and every resource type.
// Import from here (`core/chartmogul`) rather than from the individual files.

export { ChartMogulClient, DEFAULT_BASE_URL, DEFAULT_BUDGET_MS, serializeBody } from './client';
export type { BatchOptions, BatchResult, ChartMogulClientOptions } from './client';
export { ChartMogulError, STATUS_KINDS, errorFromResponse, isRetryableStatus, kindForStatus, redact } from './errors';
export type { ErrorKind } from './errors';
export { embeddedFieldErrors, fieldsFromErrorMap, isAlreadyExistsError, onlyAlreadyExists, parseErrorBody } from './errorBody';
export type { FieldError } from './errorBody';
export { MAX_IN_FLIGHT, MAX_PER_SECOND } from './batch';
export { MAX_PER_PAGE } from './pagination';
export { DEFAULT_RETRY_POLICY } from './retry';
export type { RetryPolicy } from './retry';
export type { ApiRequest, CallOptions, ListOptions, ListRequest, ListResponse } from './request';
export * from './resources/account';
export * from './resources/customers';
export * from './resources/dataSources';
export * from './resources/invoices';
export * from './resources/jsonImports';
export * from './resources/metrics';
export * from './resources/plans';
export * from './resources/subscriptions';
