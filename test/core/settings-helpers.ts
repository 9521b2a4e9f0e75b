// Test doubles for the Settings core: in-memory property stores and a scripted ChartMogul API behind a fake transport.
// The API knows one read & write and one read-only key, an account and a list of data sources; it can be switched off.

import type { Services } from '../../src/core/config';
import type { HttpRequest, HttpResponse, KeyValueStore } from '../../src/core/ports';
import { FakeClock, ScriptedTransport, netErr, res } from './chartmogul/helpers';

export const RW_KEY = 'rw_SECRETkey_0001abcd';
export const RO_KEY = 'ro_SECRETkey_0002wxyz';
export const RW2_KEY = 'rw_SECRETkey_0003efgh';

export class MemoryStore implements KeyValueStore {
  readonly data = new Map<string, string>();
  get(key: string): string | null {
    return this.data.has(key) ? (this.data.get(key) as string) : null;
  }
  set(key: string, value: string): void {
    this.data.set(key, value);
  }
  remove(key: string): void {
    this.data.delete(key);
  }
  keys(): string[] {
    return [...this.data.keys()];
  }
}

export interface FakeDs {
  uuid: string;
  name: string;
  system: string;
  status: string;
  created_at: string;
}

export interface FakeApi {
  account: { name: string; currency: string; time_zone: string; week_start_on: string };
  dataSources: FakeDs[];
  /** 'down' answers every request with a network failure; a number answers it with that status. */
  outage: 'down' | number | null;
  /** Probe answers for read & write keys (400 like the emulator, 422 like the docs). */
  probeStatus: number;
}

export interface SettingsHarness {
  services: Services;
  api: FakeApi;
  transport: ScriptedTransport;
  user: MemoryStore;
  doc: MemoryStore;
  script: MemoryStore;
  logs: string[];
  /** `METHOD /path` of every request sent. */
  requests(): string[];
}

function keyOf(req: HttpRequest): string | null {
  const m = /^Basic (.+)$/.exec(req.headers.Authorization || '');
  return m ? Buffer.from(m[1], 'base64').toString('utf8').replace(/:$/, '') : null;
}

function route(api: FakeApi, req: HttpRequest): HttpResponse {
  if (api.outage === 'down') return netErr('connect ECONNREFUSED 127.0.0.1:9');
  if (typeof api.outage === 'number') return res(api.outage, '500 Internal Server Error');
  const key = keyOf(req);
  if (key !== RW_KEY && key !== RO_KEY && key !== RW2_KEY) return res(401, { code: 401, message: 'No valid API key provided', param: null });
  const path = req.url.replace(/^https?:\/\/[^/]+/, '').split('?')[0];
  if (req.method !== 'get' && key === RO_KEY) return res(403, { code: 403, message: 'This API key is read-only', param: null });
  if (req.method === 'get' && path === '/v1/ping') return res(200, { data: 'pong!' });
  if (req.method === 'get' && path === '/v1/account') return res(200, api.account);
  if (req.method === 'get' && path === '/v1/data_sources') return res(200, { data_sources: api.dataSources });
  if (req.method === 'post' && path === '/v1/data_sources') {
    const body = JSON.parse(req.body || '{}') as { name?: string };
    if (!('name' in body)) return res(api.probeStatus, api.probeStatus === 400 ? { code: 400, message: 'Parameter "name" is missing', param: 'name' } : { errors: { name: 'A name is required for each data source.' } });
    if (api.dataSources.some((d) => d.name === body.name)) return res(422, { errors: { name: 'Has already been taken.' } });
    const ds = { uuid: `ds_${api.dataSources.length + 1}`, name: String(body.name), system: 'Custom', status: 'idle', created_at: '2025-01-01T00:00:00Z' };
    api.dataSources.push(ds);
    return res(201, ds);
  }
  const one = /^\/v1\/data_sources\/([^/]+)$/.exec(path);
  if (one && req.method === 'get') {
    const ds = api.dataSources.find((d) => d.uuid === decodeURIComponent(one[1]));
    return ds ? res(200, ds) : res(404, { error: 'Data source not found' });
  }
  return res(404, 'Not found');
}

export function settingsHarness(): SettingsHarness {
  const api: FakeApi = {
    account: { name: 'Acme Inc', currency: 'EUR', time_zone: 'Europe/Berlin', week_start_on: 'monday' },
    dataSources: [
      { uuid: 'ds_custom', name: 'Sheets import', system: 'Custom', status: 'idle', created_at: '2024-01-01T00:00:00Z' },
      { uuid: 'ds_stripe', name: 'Stripe', system: 'Stripe', status: 'import_complete', created_at: '2023-01-01T00:00:00Z' },
    ],
    outage: null,
    probeStatus: 400,
  };
  const clock = new FakeClock();
  const transport = new ScriptedTransport((req) => route(api, req), clock);
  const user = new MemoryStore();
  const doc = new MemoryStore();
  const script = new MemoryStore();
  script.set('CHARTMOGUL_API_BASE', 'https://api.test');
  const logs: string[] = [];
  const services: Services = { transport, clock, userProps: user, documentProps: doc, scriptProps: script, logger: { log: (m) => logs.push(m) } };
  const requests = () => transport.sent.map((r) => `${r.method.toUpperCase()} ${r.url.replace(/^https?:\/\/[^/]+/, '').split('?')[0]}`);
  return { services, api, transport, user, doc, script, logs, requests };
}

/** Calls fn expecting it to throw; returns the message. */
export function thrownMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
}
