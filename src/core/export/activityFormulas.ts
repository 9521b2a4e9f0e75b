// CHARTMOGUL_ACTIVITIES: MRR movements (new business, expansion, …) between two days, every page followed.
// Activity dates are exact instants; amounts are in currency units.

import { Activity, ActivitiesQuery, metricRequests } from '../chartmogul';
import { checkRange, optionalText, parseDay } from './args';
import { parseInstant } from './days';
import { ArgumentError, quote } from './errors';
import { moneyUnits } from './metricCatalog';
import { canonicalQuery, FormulaSession } from './session';
import { activityTtl } from './ttl';
import { Arg, OutCell, Table } from './types';

type ActivityType = NonNullable<ActivitiesQuery['type']>;
const TYPES: Record<string, ActivityType> = {
  new_biz: 'new_biz', new_business: 'new_biz', newbiz: 'new_biz', new: 'new_biz', expansion: 'expansion',
  contraction: 'contraction', churn: 'churn', reactivation: 'reactivation',
};

export const ACTIVITY_HEADERS = ['Date', 'Type', 'Description', 'Customer', 'Customer external ID', 'MRR movement', 'MRR after', 'ARR after', 'Currency', 'Plan external ID', 'Subscription external ID', 'UUID'];

export interface ActivitiesPlan { start: string; end: string; type?: ActivityType }

export function planActivities(a: { start_date: Arg; end_date: Arg; type?: Arg }): ActivitiesPlan {
  const start = parseDay('start_date', a.start_date);
  const end = parseDay('end_date', a.end_date);
  checkRange(start, end, 0, 1);
  const t = optionalText('type', a.type);
  if (t === undefined || t.toLowerCase() === 'all') return { start, end };
  const type = TYPES[t.toLowerCase().replace(/[\s-]+/g, '_')];
  if (!type) throw new ArgumentError('type', `${quote(t)} is not an activity type (use new_biz, expansion, contraction, churn, reactivation)`);
  return { start, end, type };
}

/** The cached form: only the columns shown. */
type ActivityRecord = [string, string, string, string, string, number, number, number, string, string, string, string];

function compact(a: Activity): ActivityRecord {
  return [
    a.date, a.type, a.description || '', a['customer-name'] || '', a['customer-external-id'] || '',
    a['activity-mrr-movement'] || 0, a['activity-mrr'] || 0, a['activity-arr'] || 0, a.currency || '',
    a['plan-external-id'] || '', a['subscription-external-id'] || '', a.uuid || '',
  ];
}

function row(r: ActivityRecord): OutCell[] {
  const ms = parseInstant(r[0]);
  return [isNaN(ms) ? r[0] : { instant: ms }, r[1], r[2], r[3], r[4], moneyUnits(r[5], r[8]), moneyUnits(r[6], r[8]), moneyUnits(r[7], r[8]), r[8], r[9], r[10], r[11]];
}

export function activitiesFormula(s: FormulaSession, p: ActivitiesPlan): Table {
  const q: ActivitiesQuery = { 'start-date': p.start, 'end-date': p.end };
  if (p.type) q.type = p.type;
  const records = s.cached({ canonical: canonicalQuery('activities', { ...q }), ttl: activityTtl(p.end, s.today) }, (client, deadline) => {
    const out: ActivityRecord[] = [];
    client.eachPage(metricRequests.activities(q), (items, page) => {
      for (const a of items) out.push(compact(a));
      if (page.has_more) s.checkTime('activities');
    }, { deadline });
    return out;
  });
  return [ACTIVITY_HEADERS.slice(), ...records.map(row)];
}
