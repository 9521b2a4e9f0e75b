// Fault switches for resilience tests: added latency, slow bodies, dropped connections and random 429/500/503/504
// answers drawn from a seeded PRNG (mulberry32) so a given seed always produces the same fault sequence.

export interface FaultOptions {
  /** Delay before answering, in ms. */
  latencyMs: number;
  /** Probability (0–1) per request of each injected status. */
  errorRates: { 429?: number; 500?: number; 503?: number; 504?: number };
  /** Probability (0–1) of destroying the socket without answering. */
  dropRate: number;
  /** The body is sent in two halves with this pause between them, in ms. */
  slowMs: number;
  /** PRNG seed. */
  seed: number;
}

export const NO_FAULTS: FaultOptions = { latencyMs: 0, errorRates: {}, dropRate: 0, slowMs: 0, seed: 1 };

export type FaultDecision = { kind: 'none' } | { kind: 'drop' } | { kind: 'status'; status: 429 | 500 | 503 | 504 };

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Faults {
  options: FaultOptions;
  private rand: () => number;

  constructor(options: Partial<FaultOptions> = {}) {
    this.options = { ...NO_FAULTS, ...options, errorRates: { ...(options.errorRates ?? {}) } };
    this.rand = mulberry32(this.options.seed);
  }

  /** Merges a partial update; a new `seed` restarts the PRNG sequence. */
  set(partial: Partial<FaultOptions>): void {
    const errorRates = partial.errorRates ? { ...this.options.errorRates, ...partial.errorRates } : this.options.errorRates;
    this.options = { ...this.options, ...partial, errorRates };
    if (partial.seed !== undefined) this.rand = mulberry32(partial.seed);
  }

  /** One draw per request: drop first, then the injected statuses in a fixed order. */
  decide(): FaultDecision {
    const { dropRate, errorRates } = this.options;
    if (dropRate > 0 && this.rand() < dropRate) return { kind: 'drop' };
    for (const status of [429, 500, 503, 504] as const) {
      const p = errorRates[status] ?? 0;
      if (p > 0 && this.rand() < p) return { kind: 'status', status };
    }
    return { kind: 'none' };
  }
}
