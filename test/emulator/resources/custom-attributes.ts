// Custom attribute typing: coerces `{type,key,value,source?}` definitions and bare `{key: value}` updates to the
// stored CustomAttribute form (String ≤255, Integer, Decimal, Timestamp → ISO, Boolean from true/false/t/f/1/0).

import { parseApiDate } from '../dates';
import type { CustomAttribute } from '../state';

const TYPES = ['String', 'Integer', 'Decimal', 'Timestamp', 'Boolean'] as const;
type AttrType = (typeof TYPES)[number];

/** Coerces a value to the type; returns an error message instead when it does not fit. */
export function coerce(type: AttrType, value: unknown): { value: CustomAttribute['value'] } | { error: string } {
  if (value === null) return { value: null };
  switch (type) {
    case 'String': {
      const s = String(value);
      return s.length > 255 ? { error: 'is too long (maximum is 255 characters)' } : { value: s };
    }
    case 'Integer': {
      const n = typeof value === 'number' ? value : Number(value);
      return Number.isInteger(n) ? { value: n } : { error: 'is not an integer' };
    }
    case 'Decimal': {
      const n = typeof value === 'number' ? value : Number(value);
      return Number.isFinite(n) ? { value: n } : { error: 'is not a number' };
    }
    case 'Timestamp': {
      const d = parseApiDate(value);
      return d ? { value: d.toISOString() } : { error: 'is not a valid timestamp' };
    }
    case 'Boolean': {
      const s = String(value).toLowerCase();
      if (['true', 't', '1'].includes(s)) return { value: true };
      if (['false', 'f', '0'].includes(s)) return { value: false };
      return { error: 'is not a boolean' };
    }
  }
}

/** Parses the array form; returns the attributes or a field → message error map. */
export function parseDefinitions(
  list: unknown,
): { attrs: Record<string, CustomAttribute> } | { errors: Record<string, string> } {
  if (!Array.isArray(list)) return { errors: { custom: 'must be an array of {type, key, value}' } };
  const attrs: Record<string, CustomAttribute> = {};
  const errors: Record<string, string> = {};
  for (const raw of list) {
    const def = (raw ?? {}) as Record<string, unknown>;
    const key = typeof def.key === 'string' ? def.key : '';
    const type = (def.type ?? 'String') as AttrType;
    if (!key) {
      errors.key = "can't be blank";
      continue;
    }
    if (!TYPES.includes(type)) {
      errors[key] = `type must be one of ${TYPES.join(', ')}`;
      continue;
    }
    const c = coerce(type, def.value);
    if ('error' in c) errors[key] = c.error;
    else attrs[key] = { type, value: c.value, source: typeof def.source === 'string' ? def.source : 'API' };
  }
  return Object.keys(errors).length ? { errors } : { attrs };
}

/** Applies `{key: value}` updates, keeping each key's type (inferring it for new keys). */
export function applyValues(
  current: Record<string, CustomAttribute>,
  values: Record<string, unknown>,
): { attrs: Record<string, CustomAttribute> } | { errors: Record<string, string> } {
  const attrs = { ...current };
  const errors: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    const type: AttrType = current[key]?.type ?? inferType(value);
    const c = coerce(type, value);
    if ('error' in c) errors[key] = c.error;
    else attrs[key] = { type, value: c.value, source: current[key]?.source ?? 'API' };
  }
  return Object.keys(errors).length ? { errors } : { attrs };
}

function inferType(value: unknown): AttrType {
  if (typeof value === 'boolean') return 'Boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'Integer' : 'Decimal';
  return 'String';
}
