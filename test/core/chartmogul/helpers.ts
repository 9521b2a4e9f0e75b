// Test doubles for the ChartMogul client: a fake clock whose sleep advances time, and a scripted transport.
// The transport records every request (and every sendAll wave with the clock time) and answers from a script.

import { Clock, HttpRequest, HttpResponse, HttpTransport } from '../../../src/core/ports';
import { ChartMogulClient, ChartMogulClientOptions } from '../../../src/core/chartmogul/client';

export const API_KEY = 'sk_live_SECRET123key';

export class FakeClock implements Clock {
  readonly sleeps: number[] = [];
  constructor(public t = 1_700_000_000_000) {}
  now(): number {
    return this.t;
  }
  sleep(ms: number): void {
    this.sleeps.push(ms);
    this.t += ms;
  }
}

export type Responder = (req: HttpRequest, n: number) => HttpResponse;

export function res(status: number, body: unknown = '', headers: Record<string, string> = {}): HttpResponse {
  return { status, headers, body: typeof body === 'string' ? body : JSON.stringify(body) };
}

export function netErr(message = 'socket hang up'): HttpResponse {
  return { status: 0, headers: {}, body: '', networkError: message };
}

export class ScriptedTransport implements HttpTransport {
  readonly sent: HttpRequest[] = [];
  readonly sentAt: number[] = [];
  readonly waves: Array<{ at: number; size: number }> = [];
  private readonly responder: Responder;

  /** An array is answered in order (the last entry repeats); a function sees each request. */
  constructor(script: HttpResponse[] | Responder, private readonly clock?: Clock) {
    this.responder = Array.isArray(script) ? (_r, n) => script[Math.min(n, script.length - 1)] : script;
  }

  send(req: HttpRequest): HttpResponse {
    const n = this.sent.length;
    this.sent.push(req);
    this.sentAt.push(this.clock ? this.clock.now() : 0);
    return this.responder(req, n);
  }

  sendAll(reqs: HttpRequest[]): HttpResponse[] {
    this.waves.push({ at: this.clock ? this.clock.now() : 0, size: reqs.length });
    return reqs.map((r) => this.send(r));
  }
}

export interface Harness {
  client: ChartMogulClient;
  transport: ScriptedTransport;
  clock: FakeClock;
  logs: string[];
}

export function harness(script: HttpResponse[] | Responder, extra: Partial<ChartMogulClientOptions> = {}): Harness {
  const clock = new FakeClock();
  const transport = new ScriptedTransport(script, clock);
  const logs: string[] = [];
  const client = new ChartMogulClient({
    apiKey: API_KEY, transport, clock, logger: { log: (m) => logs.push(m) }, random: () => 0.5, ...extra,
  });
  return { client, transport, clock, logs };
}

/** Splits a URL into path and decoded query pairs (test-side only; the client never uses URL). */
export function splitUrl(url: string): { path: string; query: Array<[string, string]> } {
  const [base, qs] = url.split('?');
  const path = base.replace(/^https?:\/\/[^/]+/, '');
  const query = qs
    ? qs.split('&').map((p) => p.split('=').map((x) => decodeURIComponent(x)) as [string, string])
    : [];
  return { path, query };
}
