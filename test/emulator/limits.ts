// Rate and concurrency limits of the real API (reference §3): 40 requests/second per account (→ 429) and at most
// 20 requests in flight (→ 503). Time is wall-clock (not the emulator's fake clock) so limits stay real.

export class RateLimiter {
  private stamps: number[] = [];

  constructor(public perSecond: number) {}

  /** Records a request at `t` (ms); false when it exceeds the per-second budget (it is then not counted). */
  take(t: number = Date.now()): boolean {
    const from = t - 1000;
    while (this.stamps.length > 0 && this.stamps[0] <= from) this.stamps.shift();
    if (this.perSecond > 0 && this.stamps.length >= this.perSecond) return false;
    this.stamps.push(t);
    return true;
  }

  reset(): void {
    this.stamps = [];
  }
}

export class ConcurrencyGate {
  inFlight = 0;

  constructor(public max: number) {}

  /** Enters the gate; false when `max` requests are already in flight. */
  enter(): boolean {
    if (this.max > 0 && this.inFlight >= this.max) return false;
    this.inFlight++;
    return true;
  }

  leave(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
  }
}
