// Id substitution for the replay: learns recorded id → emulator id pairs by walking a recorded and an actual response
// side by side, and rewrites later recorded requests (path, query, body) with that map.

const ID_RE = /^(?:(?:ds|cus|pl|plg|inv|li|tr|sub|con|note)_)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function looksLikeId(v: unknown): v is string {
  return typeof v === 'string' && ID_RE.test(v);
}

export class IdMap {
  readonly map = new Map<string, string>();

  has(recorded: string): boolean {
    return this.map.has(recorded);
  }

  set(recorded: string, actual: string): void {
    if (recorded !== actual && !this.map.has(recorded)) this.map.set(recorded, actual);
  }

  /** Pairs ids (prefixed/bare uuids, integer `id`s, `cursor`s) found at the same place in both bodies. */
  learn(recorded: unknown, actual: unknown, key = ''): void {
    if (Array.isArray(recorded) && Array.isArray(actual)) {
      actual.forEach((a, i) => i < recorded.length && this.learn(recorded[i], a, key));
      return;
    }
    if (recorded && actual && typeof recorded === 'object' && typeof actual === 'object') {
      const r = recorded as Record<string, unknown>;
      const a = actual as Record<string, unknown>;
      for (const k of Object.keys(r)) if (k in a) this.learn(r[k], a[k], k);
      return;
    }
    if (looksLikeId(recorded) && typeof actual === 'string') this.set(recorded, actual);
    else if (key === 'cursor' && typeof recorded === 'string' && typeof actual === 'string') this.set(recorded, actual);
    else if ((key === 'id' || key.endsWith('_id')) && typeof recorded === 'number' && typeof actual === 'number') {
      this.set(String(recorded), String(actual));
    }
  }

  rewritePath(path: string): string {
    return path
      .split('/')
      .map((seg) => this.map.get(seg) ?? seg)
      .join('/');
  }

  rewrite(v: unknown, key = ''): unknown {
    if (Array.isArray(v)) return v.map((x) => this.rewrite(x, key));
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = this.rewrite(x, k);
      return out;
    }
    if (typeof v === 'string') return this.map.get(v) ?? v;
    if (typeof v === 'number' && (key === 'id' || key.endsWith('[id]'))) {
      const m = this.map.get(String(v));
      return m === undefined ? v : Number(m);
    }
    return v;
  }
}
