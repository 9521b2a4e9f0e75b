// Logger and console fakes: every message is recorded in env.logs (so tests can assert secrets never get logged).
// Nothing is printed unless the environment was created with echoLogs.

import { format } from 'util';
import { LogEntry, Runtime, instrument } from './runtime';

export class FakeLogger {
  constructor(
    private readonly rt: Runtime,
    private readonly echo: boolean,
  ) {
    return instrument(this, rt, 'Logger', null);
  }
  log(data: unknown, ...values: unknown[]): this {
    let message = typeof data === 'string' ? data : stringify(data);
    if (typeof data === 'string' && values.length) {
      let i = 0;
      message = data.replace(/%s/g, () => (i < values.length ? stringify(values[i++]) : '%s'));
    }
    record(this.rt, this.echo, 'Logger', 'log', message);
    return this;
  }
  getLog(): string {
    return this.rt.logs.filter((l) => l.source === 'Logger').map((l) => l.message + '\n').join('');
  }
  clear(): void {
    for (let i = this.rt.logs.length - 1; i >= 0; i--) if (this.rt.logs[i].source === 'Logger') this.rt.logs.splice(i, 1);
  }
}

export class FakeConsole {
  constructor(
    private readonly rt: Runtime,
    private readonly echo: boolean,
  ) {
    return instrument(this, rt, 'console', null);
  }
  log(...args: unknown[]): void {
    record(this.rt, this.echo, 'console', 'log', format(...args));
  }
  info(...args: unknown[]): void {
    record(this.rt, this.echo, 'console', 'info', format(...args));
  }
  warn(...args: unknown[]): void {
    record(this.rt, this.echo, 'console', 'warn', format(...args));
  }
  error(...args: unknown[]): void {
    record(this.rt, this.echo, 'console', 'error', format(...args));
  }
  debug(...args: unknown[]): void {
    record(this.rt, this.echo, 'console', 'debug', format(...args));
  }
}

function stringify(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v instanceof Error || Object.prototype.toString.call(v) === '[object Error]') return String(v);
  if (typeof v === 'object' && v !== null) {
    try {
      return JSON.stringify(v);
    } catch {
      return String(v);
    }
  }
  return String(v);
}

function record(rt: Runtime, echo: boolean, source: LogEntry['source'], level: LogEntry['level'], message: string): void {
  rt.logs.push({ source, level, message, at: rt.clock.now() });
  if (echo) process.stdout.write(`[${source}.${level}] ${message}\n`);
}
