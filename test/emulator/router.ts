// Route table: maps "METHOD /path/:param" patterns to handlers and names each match by its pattern
// ("GET /v1/customers/{uuid}") for the per-endpoint request statistics.

import type { Handler } from './http-types';

interface Route {
  method: string;
  segments: string[];
  name: string;
  handler: Handler;
}

export interface RouteMatch {
  name: string;
  handler: Handler;
  params: Record<string, string>;
}

export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: Handler): this {
    const segments = pattern.split('/').filter(Boolean);
    const name = `${method} /${segments.map((s) => (s.startsWith(':') ? `{${s.slice(1)}}` : s)).join('/')}`;
    this.routes.push({ method, segments, name, handler });
    return this;
  }

  /** Literal segments win over parameters (so /v1/customers/search beats /v1/customers/:uuid). */
  match(method: string, path: string): RouteMatch | null {
    const parts = path.split('/').filter(Boolean).map(safeDecode);
    let best: { route: Route; params: Record<string, string>; score: number } | null = null;
    for (const route of this.routes) {
      if (route.method !== method || route.segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      let score = 0;
      let ok = true;
      route.segments.forEach((seg, i) => {
        if (!ok) return;
        if (seg.startsWith(':')) params[seg.slice(1)] = parts[i];
        else if (seg === parts[i]) score++;
        else ok = false;
      });
      if (ok && (!best || score > best.score)) best = { route, params, score };
    }
    return best ? { name: best.route.name, handler: best.route.handler, params: best.params } : null;
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
