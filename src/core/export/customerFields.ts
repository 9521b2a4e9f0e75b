// Customer columns a formula can ask for: the field names, the compact record cached per customer, and how each
// field becomes a cell (money in units, timestamps as instants, tags joined, custom.<key> attributes).

import type { Customer } from '../chartmogul';
import { ArgumentError, quote } from './errors';
import { parseInstant } from './days';
import { moneyUnits } from './metricCatalog';
import { OutCell } from './types';

export const CUSTOMER_FIELDS = [
  'uuid', 'id', 'external_id', 'name', 'email', 'company', 'country', 'state', 'city', 'zip', 'status',
  'customer-since', 'lead_created_at', 'free_trial_started_at', 'mrr', 'arr', 'currency', 'data_source_uuid',
  'chartmogul-url', 'billing-system-type', 'owner', 'website_url', 'tags',
] as const;

export const DEFAULT_CUSTOMER_FIELDS = ['external_id', 'name', 'email', 'company', 'country', 'status', 'customer-since', 'mrr', 'arr', 'currency', 'uuid'];

const MONEY = ['mrr', 'arr'];
const INSTANTS = ['customer-since', 'lead_created_at', 'free_trial_started_at'];

/** The cached form of a customer: the known fields plus tags and custom attributes. */
export type CustomerRecord = Record<string, unknown> & { custom?: Record<string, unknown> };

export function compactCustomer(c: Customer): CustomerRecord {
  const raw = c as unknown as Record<string, unknown>;
  const out: CustomerRecord = {};
  for (const f of CUSTOMER_FIELDS) if (f !== 'tags' && raw[f] !== undefined && raw[f] !== null) out[f] = raw[f];
  if (c.attributes) {
    out.tags = c.attributes.tags || [];
    out.custom = c.attributes.custom || {};
  }
  return out;
}

/** `customer_since` → `customer-since`, `Email` → `email`, `custom.Seats` kept as typed after the prefix. */
export function findField(argument: string, text: string): string {
  const t = text.trim();
  if (/^custom\./i.test(t) && t.length > 7) return 'custom.' + t.slice(7);
  const norm = t.toLowerCase().replace(/[\s-]+/g, '_');
  for (const f of CUSTOMER_FIELDS) if (f.replace(/-/g, '_') === norm) return f;
  throw new ArgumentError(argument, `unknown field ${quote(t)} (e.g. name, email, status, mrr, customer-since, custom.<key>)`);
}

function customValue(custom: Record<string, unknown> | undefined, key: string): unknown {
  if (!custom) return undefined;
  if (key in custom) return custom[key];
  const lower = key.toLowerCase();
  for (const k of Object.keys(custom)) if (k.toLowerCase() === lower) return custom[k];
  return undefined;
}

export function fieldCell(c: CustomerRecord, field: string): OutCell {
  const v = field.indexOf('custom.') === 0 ? customValue(c.custom, field.slice(7)) : c[field];
  if (v === undefined || v === null) return '';
  if (MONEY.indexOf(field) >= 0 && typeof v === 'number') return moneyUnits(v, typeof c.currency === 'string' ? c.currency : null);
  if (INSTANTS.indexOf(field) >= 0 && typeof v === 'string') {
    const ms = parseInstant(v);
    return isNaN(ms) ? v : { instant: ms };
  }
  if (Array.isArray(v)) return v.join(', ');
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  return JSON.stringify(v);
}
