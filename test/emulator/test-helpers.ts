// Helpers for the emulator's own tests: a JSON HTTP client bound to an emulator and a metric engine wrapper that
// falls back to zero customer figures ONLY while the real engine throws "not implemented" (never in the server itself).

import * as metrics from './metrics';
import type { MetricEngine } from './engine';
import type { EmulatorHandle } from './server';
import { currencySign } from './validate';

export interface Reply {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  text: string;
}

export function basic(key: string): string {
  return `Basic ${Buffer.from(`${key}:`).toString('base64')}`;
}

/** `call('POST', '/v1/customers', {...})` against the emulator with its read & write key unless `key` is given. */
export function client(emu: Pick<EmulatorHandle, 'url' | 'readWriteKey'>) {
  return async function call(method: string, path: string, body?: unknown, key: string | null = emu.readWriteKey): Promise<Reply> {
    const headers: Record<string, string> = {};
    if (key !== null) headers.Authorization = basic(key);
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(`${emu.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.status, body: parsed, text };
  };
}

function notImplemented(e: unknown): boolean {
  return /not implemented/i.test(String((e as Error)?.message ?? e));
}

/** Real engine, except customerFigures falls back to zeros while the engine is not implemented yet. */
export const testEngine: Partial<MetricEngine> = {
  customerFigures(state, uuid, now) {
    try {
      return metrics.customerFigures(state, uuid, now);
    } catch (e) {
      if (!notImplemented(e)) throw e;
      const currency = state.account.currency;
      return { mrr: 0, arr: 0, status: 'Lead', 'customer-since': null, currency, 'currency-sign': currencySign(currency) };
    }
  },
};
