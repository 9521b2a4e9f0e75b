// The human line under a report's title: what it shows (metrics, interval, range, segment) and in which currency.
// Built from the checked spec; API strings never appear here, only the user's own choices.

import { describeRange, DayRange } from './range';
import { METRIC_LABELS } from './spec';
import type { ReportSpec } from './types';

const INTERVAL_WORDS: Record<string, string> = { day: 'daily', week: 'weekly', month: 'monthly', quarter: 'quarterly', year: 'yearly' };

export function describeSpec(spec: ReportSpec, range: DayRange, currency: string): string {
  const parts: string[] = [];
  if (spec.kind === 'metrics') parts.push(spec.metrics.map((m) => METRIC_LABELS[m]).join(', '), INTERVAL_WORDS[spec.interval]);
  if (spec.kind === 'mrr-movements') parts.push('MRR movements', INTERVAL_WORDS[spec.interval]);
  if (spec.kind === 'customers') parts.push('All customers');
  if (spec.kind === 'subscriptions') parts.push('Subscriptions of all customers');
  if (spec.kind === 'activities') parts.push('Activities');
  if (spec.kind !== 'customers' && spec.kind !== 'subscriptions') parts.push(describeRange(spec.range, range));
  if (spec.plans.length) parts.push('plans: ' + spec.plans.join(', '));
  if (spec.geo.length) parts.push('countries: ' + spec.geo.join(', '));
  if (spec.filters) parts.push('filter: ' + spec.filters);
  parts.push(currency);
  return parts.join(' · ');
}
