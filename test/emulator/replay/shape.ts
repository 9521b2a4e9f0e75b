// Structural comparison of an emulator response with a recorded one: status, key sets (recursively) and JSON value
// types, tolerating a missing/extra key or another type only where another recording of the same endpoint shows it.

import { endpointKey, type Exchange } from './cassettes';

type Json = unknown;

/** Object paths whose keys are data, not schema (custom attributes, per-object error maps, …). */
const MAP_PATHS = [/\.attributes\.(custom|stripe|clearbit)$/, /^\.custom$/, /\.errors$/, /\.status_details$/, /^\.stripe$/];

export function jsonType(v: Json): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

interface PathInfo {
  keysSeen: Set<string>;
  sometimesMissing: Set<string>;
  types: Map<string, Set<string>>;
}

/** What all recordings of one endpoint (method + path pattern + status) show at each object path. */
export class Knowledge {
  private readonly byEndpoint = new Map<string, Map<string, PathInfo>>();

  constructor(exchanges: Exchange[]) {
    for (const ex of exchanges) this.learn(endpointKey(ex.method, ex.path, ex.status), ex.response_body, '');
  }

  private info(ep: string, path: string): PathInfo {
    let m = this.byEndpoint.get(ep);
    if (!m) this.byEndpoint.set(ep, (m = new Map()));
    let i = m.get(path);
    if (!i) m.set(path, (i = { keysSeen: new Set(), sometimesMissing: new Set(), types: new Map() }));
    return i;
  }

  private learn(ep: string, v: Json, path: string): void {
    if (Array.isArray(v)) v.forEach((e) => this.learn(ep, e, `${path}[]`));
    if (!isObj(v) || MAP_PATHS.some((r) => r.test(path))) return;
    const info = this.info(ep, path);
    const keys = Object.keys(v);
    for (const k of info.keysSeen) if (!keys.includes(k)) info.sometimesMissing.add(k);
    for (const k of keys) {
      if (!info.keysSeen.has(k) && info.keysSeen.size > 0) info.sometimesMissing.add(k);
      info.keysSeen.add(k);
      const t = info.types.get(k) ?? new Set<string>();
      t.add(jsonType(v[k]));
      info.types.set(k, t);
      this.learn(ep, v[k], `${path}.${k}`);
    }
  }

  lookup(ep: string, path: string): PathInfo | undefined {
    return this.byEndpoint.get(ep)?.get(path);
  }
}

function isObj(v: Json): v is Record<string, Json> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export interface Verdict {
  match: boolean;
  exact: boolean;
  problems: string[];
  tolerated: string[];
}

export function compare(k: Knowledge, ex: Exchange, status: number, actual: Json): Verdict {
  const v: Verdict = { match: true, exact: true, problems: [], tolerated: [] };
  if (status !== ex.status) {
    v.problems.push(`status ${status} ≠ recorded ${ex.status}`);
  } else {
    walk(k, endpointKey(ex.method, ex.path, ex.status), ex.response_body, actual, '', v);
  }
  v.match = v.problems.length === 0;
  v.exact = v.match && v.tolerated.length === 0;
  return v;
}

function walk(k: Knowledge, ep: string, rec: Json, act: Json, path: string, v: Verdict): void {
  if (jsonType(rec) !== jsonType(act)) return; // type differences are judged by the parent key
  if (Array.isArray(rec) && Array.isArray(act)) {
    if (rec.length > 0 && act.length === 0 && rec.some(isObj)) v.problems.push(`${path || '.'}: empty array, recording has elements`);
    act.forEach((a, i) => walk(k, ep, rec[Math.min(i, rec.length - 1)], a, `${path}[]`, v));
    return;
  }
  if (!isObj(rec) || !isObj(act) || MAP_PATHS.some((r) => r.test(path))) return;
  const info = k.lookup(ep, path);
  for (const key of Object.keys(rec)) {
    if (!(key in act)) {
      if (info?.sometimesMissing.has(key)) v.tolerated.push(`${path}.${key} missing (also absent in another recording)`);
      else v.problems.push(`${path}.${key} missing`);
    }
  }
  for (const key of Object.keys(act)) {
    const at = `${path}.${key}`;
    if (!(key in rec)) {
      if (info?.keysSeen.has(key)) v.tolerated.push(`${at} extra (present in another recording)`);
      else v.problems.push(`${at} extra`);
      continue;
    }
    const tr = jsonType(rec[key]);
    const ta = jsonType(act[key]);
    if (tr !== ta) {
      if (info?.types.get(key)?.has(ta)) v.tolerated.push(`${at}: ${ta} where recording has ${tr} (seen elsewhere)`);
      else v.problems.push(`${at}: ${ta} where recording has ${tr}`);
      continue;
    }
    walk(k, ep, rec[key], act[key], at, v);
  }
}
