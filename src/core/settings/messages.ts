// User-facing error text for the Settings functions: short, says what to do, never contains an API key.
// SettingsError carries such a message; apiProblem() turns a ChartMogulError into one.

import { ChartMogulError, redact } from '../chartmogul';

export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    Object.setPrototypeOf(this, SettingsError.prototype);
    this.name = 'SettingsError';
  }
}

/** Which key a message is about, so the user knows which field to fix. */
export type KeyRole = 'API key' | 'formula API key';

export const NOT_CONNECTED = 'Not connected: paste a ChartMogul read & write API key in Settings first.';

export function readOnlyRefused(): SettingsError {
  return new SettingsError(
    'This is a read-only API key: the add-on needs a read & write key to import. ' +
      'Create one in ChartMogul (Settings › API keys) and paste it here. (Read-only keys are recommended for formulas.)',
  );
}

/** What went wrong talking to ChartMogul, phrased for the sidebar. `what` names the action ("checking the API key"). */
export function apiProblem(e: unknown, what: string, role: KeyRole = 'API key'): SettingsError {
  if (e instanceof SettingsError) return e;
  if (!(e instanceof ChartMogulError)) {
    const text = e instanceof Error ? e.message : String(e);
    return new SettingsError(`Something went wrong while ${what}: ${text}`);
  }
  switch (e.kind) {
    case 'unauthorized':
      return new SettingsError(`ChartMogul did not accept the ${role} (HTTP 401). Check that you copied the whole key.`);
    case 'forbidden':
      return new SettingsError(`ChartMogul refused ${what} (HTTP 403): the ${role} may be read-only or the account expired.`);
    case 'network':
    case 'deadline_exceeded':
      return new SettingsError(`Could not reach ChartMogul while ${what}. Check the connection and try again.`);
    case 'rate_limited':
    case 'server':
      return new SettingsError(`ChartMogul is not answering properly right now (HTTP ${e.status}) while ${what}. Try again in a minute.`);
    case 'not_found':
      return new SettingsError(`Not found in ChartMogul while ${what} (HTTP 404).`);
    default:
      return new SettingsError(`ChartMogul answered an error while ${what}: ${e.message}`);
  }
}

/** Runs `fn`; any error leaves as a SettingsError whose message has every given secret replaced by [REDACTED]. */
export function guarded<T>(secrets: ReadonlyArray<string | null | undefined>, what: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    const problem = apiProblem(e, what);
    const keys = secrets.filter((s): s is string => !!s);
    const safe = redact(problem.message, keys);
    throw safe === problem.message ? problem : new SettingsError(safe);
  }
}
