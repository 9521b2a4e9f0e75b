// Reads every ChartMogul error body shape (reference §4) and per-object `errors` maps into {field, message} pairs.
// Also knows the fixed "already exists" messages that make a 422 an idempotent re-run rather than a failure.

export interface FieldError {
  field: string;
  message: string;
}

export interface ParsedErrorBody {
  fields: FieldError[];
  /** A field-less message (`error`, `message`, or `code/message` without `param`). */
  detail?: string;
  /** Whether the body was JSON at all (plain text / HTML bodies never reach a message). */
  json: boolean;
}

const META_KEYS = ['code', 'message', 'param', 'error', 'error_details', 'errors'];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function nonEmptyString(v: unknown): v is string {
  return typeof v === 'string' && v.trim() !== '';
}

/** Flattens `{field: msg | [msgs] | {nested}}` (any depth) into field errors; array indices become `[i]`. */
export function fieldsFromErrorMap(errors: unknown, prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  if (nonEmptyString(errors)) out.push({ field: prefix, message: errors.trim() });
  else if (Array.isArray(errors)) {
    errors.forEach((item, i) => {
      if (nonEmptyString(item)) out.push({ field: prefix, message: item.trim() });
      else out.push(...fieldsFromErrorMap(item, `${prefix}[${i}]`));
    });
  } else if (isObject(errors)) {
    for (const key of Object.keys(errors)) {
      out.push(...fieldsFromErrorMap(errors[key], prefix ? `${prefix}.${key}` : key));
    }
  }
  return out;
}

/**
 * Field errors embedded in a 2xx object (invoice, line item, transaction, subscription event): its own `errors`
 * plus those of its `line_items[]` / `transactions[]`, named `line_items[0].amount_in_cents` and so on.
 */
export function embeddedFieldErrors(obj: unknown, prefix = ''): FieldError[] {
  if (!isObject(obj)) return [];
  const out = fieldsFromErrorMap(obj.errors, prefix);
  for (const child of ['line_items', 'transactions']) {
    const list = obj[child];
    if (Array.isArray(list)) {
      list.forEach((item, i) => out.push(...embeddedFieldErrors(item, `${prefix ? prefix + '.' : ''}${child}[${i}]`)));
    }
  }
  return out;
}

function dedupe(fields: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return fields.filter((f) => {
    const key = f.field + '\u0000' + f.message;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (_e) {
    return { ok: false };
  }
}

export function parseErrorBody(text: string): ParsedErrorBody {
  if (text.trim() === '') return { fields: [], json: false };
  const parsed = parseJson(text);
  if (!parsed.ok) return { fields: [], json: false };
  const body = parsed.value;
  if (!isObject(body)) return { fields: Array.isArray(body) ? fieldsFromErrorMap(body) : [], json: true };

  const fields: FieldError[] = [];
  // {"errors": {field: msg | [msgs]}} — import resources
  fields.push(...fieldsFromErrorMap(body.errors));
  // {"error_details": [{param, code, message}]}
  if (Array.isArray(body.error_details)) {
    for (const d of body.error_details) {
      if (isObject(d) && nonEmptyString(d.message)) {
        fields.push({ field: typeof d.param === 'string' ? d.param : '', message: d.message.trim() });
      }
    }
  }
  // {field: [msgs], ..., error_details} — plan groups; only when the body is nothing but such arrays
  const others = Object.keys(body).filter((k) => META_KEYS.indexOf(k) < 0);
  const stringArrays = others.filter((k) => Array.isArray(body[k]) && (body[k] as unknown[]).every(nonEmptyString));
  if (others.length > 0 && (stringArrays.length === others.length || Array.isArray(body.error_details))) {
    for (const k of stringArrays) fields.push(...fieldsFromErrorMap(body[k], k));
  }
  // Objects carrying their own `errors` (e.g. {"invoices":[{..., "errors":{...}}]})
  for (const k of others) {
    const v = body[k];
    if (Array.isArray(v)) v.forEach((item, i) => fields.push(...embeddedFieldErrors(item, `${k}[${i}]`)));
    else if (isObject(v)) fields.push(...embeddedFieldErrors(v, k));
  }

  let detail: string | undefined;
  if (nonEmptyString(body.message) && nonEmptyString(body.param)) {
    fields.push({ field: body.param, message: body.message.trim() });
  } else if (nonEmptyString(body.message)) {
    detail = body.message.trim();
  }
  if (nonEmptyString(body.error)) detail = body.error.trim();
  const unique = dedupe(fields);
  if (detail !== undefined && unique.some((f) => f.message === detail)) detail = undefined;
  return { fields: unique, detail, json: true };
}

/** (normalised field, exact message) pairs the API uses for duplicates (Go client matcher constants). */
const ALREADY_EXISTS: ReadonlyArray<[string, string]> = [
  ['external_id', 'The external ID for this customer already exists in our system.'],
  ['external_id', 'The external ID for this invoice already exists in our system.'],
  ['line_items.external_id', 'The external ID for this line item already exists in our system.'],
  ['transactions.external_id', 'has already been taken'],
  ['external_id', 'A plan with this identifier already exists in our system.'],
  ['name', 'Has already been taken.'],
];

/** `invoices[0].line_items[1].external_id` → `line_items.external_id`; `errors.external_id` → `external_id`. */
function normaliseField(field: string): string {
  const parts = field.replace(/\[\d+\]/g, '').split('.');
  const last = parts[parts.length - 1];
  const parent = parts.length > 1 ? parts[parts.length - 2] : '';
  return parent === 'line_items' || parent === 'transactions' ? `${parent}.${last}` : last;
}

export function isAlreadyExistsError(f: FieldError): boolean {
  const field = normaliseField(f.field);
  return ALREADY_EXISTS.some(([k, m]) => k === field && m === f.message);
}

/** True when there is at least one field error and every one is an "already exists" message. */
export function onlyAlreadyExists(fields: FieldError[], detail?: string): boolean {
  if (fields.length > 0) return fields.every(isAlreadyExistsError);
  // A field-less body carrying one of the unambiguous (object-specific) duplicate messages.
  return detail !== undefined && ALREADY_EXISTS.some(([k, m]) => k !== 'name' && m === detail && m.length > 30);
}
