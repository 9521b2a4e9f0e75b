// The formula errors users read in a cell's #ERROR! tooltip: argument errors naming the argument, "how to connect",
// and ChartMogul API failures turned into one short line; every message is scrubbed of the API key.

import { ChartMogulError, redact } from '../chartmogul';
import { base64Encode } from '../chartmogul/base64';

export const CONNECT_MESSAGE =
  'Connect ChartMogul: open Extensions › ChartMogul › Open sidebar › Settings and add a formula key';

/** User text quoted for a message, cut at 40 characters so messages stay short. */
export function quote(text: string): string {
  return `"${text.length > 40 ? text.slice(0, 39) + '…' : text}"`;
}

/** Thrown before any request when an argument is wrong; the message starts with the argument's name. */
export class ArgumentError extends Error {
  constructor(readonly argument: string, problem: string) {
    super(`${argument}: ${problem}`);
    Object.setPrototypeOf(this, ArgumentError.prototype);
    this.name = 'ArgumentError';
  }
}

/** Any error the formula shows, already short and safe. */
export class FormulaError extends Error {
  constructor(message: string) {
    super(message);
    Object.setPrototypeOf(this, FormulaError.prototype);
    this.name = 'FormulaError';
  }
}

function apiMessage(e: ChartMogulError): string {
  switch (e.kind) {
    case 'unauthorized':
      return 'ChartMogul rejected the formula key: update it in Extensions › ChartMogul › Open sidebar › Settings';
    case 'forbidden':
      return 'ChartMogul refused access with the formula key (expired account?)';
    case 'rate_limited':
      return 'ChartMogul is busy (rate limit): recalculate in a minute';
    case 'server':
    case 'network':
    case 'deadline_exceeded':
      return `ChartMogul did not answer in time (${e.message}): recalculate in a minute`;
    default:
      return `ChartMogul: ${e.message}`;
  }
}

/** The one-line message for any error, with the key (raw, base64 and URL-encoded forms) removed. */
export function formulaMessage(e: unknown, apiKey: string | null): string {
  let text: string;
  if (e instanceof ArgumentError || e instanceof FormulaError) text = e.message;
  else if (e instanceof ChartMogulError) text = apiMessage(e);
  else text = 'ChartMogul formula failed: ' + (e instanceof Error ? e.message : String(e));
  const secrets = apiKey ? [apiKey, base64Encode(apiKey + ':'), encodeURIComponent(apiKey)] : [];
  return redact(text, secrets);
}
