// The formula entry points of the core: validate arguments (no request), open a session (formula key, cache), run,
// and turn any failure into a FormulaError with a short message that never contains the key.

import { activitiesFormula, planActivities } from './activityFormulas';
import { customerFormula, customersFormula, planCustomer, planCustomers, planSubscriptions, subscriptionsFormula } from './customerFormulas';
import { FormulaError, formulaMessage } from './errors';
import {
  MetricArgs, metricFormula, MetricsArgs, metricsFormula, MovementsArgs, movementsFormula, planMetric, planMetrics, planMovements,
} from './metricFormulas';
import { FormulaDeps, FormulaSession } from './session';
import { Arg, OutCell, Table } from './types';

export function runFormula<P, R>(deps: FormulaDeps, plan: () => P, exec: (s: FormulaSession, p: P) => R): R {
  let session: FormulaSession | null = null;
  try {
    const p = plan();
    session = new FormulaSession(deps);
    return exec(session, p);
  } catch (e) {
    if (e instanceof FormulaError) throw e;
    throw new FormulaError(session ? session.message(e) : formulaMessage(e, null));
  }
}

export const coreFormulas = {
  metrics: (d: FormulaDeps, a: MetricsArgs): Table => runFormula(d, () => planMetrics(a), metricsFormula),
  metric: (d: FormulaDeps, a: MetricArgs): number => runFormula(d, () => planMetric(a, d.today), metricFormula),
  mrrMovements: (d: FormulaDeps, a: MovementsArgs): Table => runFormula(d, () => planMovements(a), movementsFormula),
  customers: (d: FormulaDeps, a: { status?: Arg; fields?: Arg; data_source?: Arg }): Table =>
    runFormula(d, () => planCustomers(a), customersFormula),
  customer: (d: FormulaDeps, a: { external_id_or_email: Arg; field?: Arg }): OutCell | Table =>
    runFormula(d, () => planCustomer(a), customerFormula),
  subscriptions: (d: FormulaDeps, a: { customer: Arg }): Table => runFormula(d, () => planSubscriptions(a), subscriptionsFormula),
  activities: (d: FormulaDeps, a: { start_date: Arg; end_date: Arg; type?: Arg }): Table =>
    runFormula(d, () => planActivities(a), activitiesFormula),
};
