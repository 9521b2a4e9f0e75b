// Tests a pasted API key before it is stored: ping (is it valid?), account (name, currency, time zone) and, for the
// user's key, a probe write that can never succeed, to tell read & write keys from read-only ones.

import { Account, ApiRequest, ChartMogulClient, ChartMogulError } from '../chartmogul';
import { makeClient, Services } from '../config';
import { apiProblem, KeyRole, SettingsError } from './messages';
import type { AccountSummary, KeyAccess } from './types';

/** Interactive calls give up after this long (retries included): the user is waiting in the sidebar. */
export const INTERACTIVE_BUDGET_MS = 20000;

export function interactiveClient(services: Services, apiKey: string): ChartMogulClient {
  return makeClient(services, apiKey, services.clock.now() + INTERACTIVE_BUDGET_MS);
}

export function accountSummary(a: Account): AccountSummary {
  return { name: String(a.name ?? ''), currency: String(a.currency ?? ''), timeZone: String(a.time_zone ?? '') };
}

/** `POST /v1/data_sources` with `{}`: no name, so a write-capable key gets 400/422 and nothing is created. */
const PROBE: ApiRequest<{ uuid?: string }> = { method: 'post', path: '/v1/data_sources', body: {}, expect: 'object' };

/**
 * read_only when ChartMogul answers 403 to the probe write; read_write on its 400/422 validation answer.
 * Any other failure (network, 5xx) is thrown: we cannot tell, and must not store an untested key.
 */
export function probeAccess(client: ChartMogulClient): KeyAccess {
  let created: { uuid?: string } | undefined;
  try {
    created = client.call(PROBE);
  } catch (e) {
    if (e instanceof ChartMogulError && e.kind === 'forbidden') return 'read_only';
    if (e instanceof ChartMogulError && (e.kind === 'invalid_request' || e.kind === 'validation')) return 'read_write';
    throw e;
  }
  // Never expected (the body has no name); if an API ever accepts it, remove what it made.
  if (created && typeof created.uuid === 'string' && created.uuid) {
    try {
      client.dataSources.delete(created.uuid);
    } catch (_e) {
      /* best effort: the key can write either way */
    }
  }
  return 'read_write';
}

export interface KeyCheck {
  account: AccountSummary;
  access?: KeyAccess;
}

/** Ping + account (+ the probe when `probe`); throws a SettingsError naming `role` when anything fails. */
export function checkKey(services: Services, apiKey: string, role: KeyRole, probe: boolean): KeyCheck {
  const what = role === 'API key' ? 'checking the API key' : 'checking the formula API key';
  try {
    const client = interactiveClient(services, apiKey);
    const pong = client.account.ping();
    if (!pong || pong.data !== 'pong!') throw new SettingsError(`Unexpected answer from ChartMogul while ${what}.`);
    const account = accountSummary(client.account.retrieve());
    return probe ? { account, access: probeAccess(client) } : { account };
  } catch (e) {
    throw apiProblem(e, what, role);
  }
}
