// The Reports panel's filter check: the shared CFL syntax check (src/core/cfl.ts) worded for the sidebar.
// Formulas run the same check through parseFilters, so a filter that passes here passes there too.

import { ArgumentError } from '../export/errors';
import { parseFilters } from '../export/args';

export interface FilterCheck {
  ok: boolean;
  message: string;
}

/** `{ok: true}` for an empty filter too (no filter). Messages start with "filters: ". */
export function checkFilter(filters: unknown): FilterCheck {
  if (filters === undefined || filters === null || (typeof filters === 'string' && filters.trim() === '')) {
    return { ok: true, message: 'No filter.' };
  }
  if (typeof filters !== 'string') return { ok: false, message: 'filters: must be text' };
  try {
    parseFilters('filters', filters.trim());
  } catch (e) {
    if (e instanceof ArgumentError) return { ok: false, message: e.message };
    throw e;
  }
  return { ok: true, message: 'The filter looks valid; ChartMogul checks fields and values when the report runs.' };
}
