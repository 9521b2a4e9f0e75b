// The metric engine as the HTTP layer sees it: the four functions of ./metrics, injectable so tests can wrap them.
// The server uses the real module by default; when an engine call throws, the route answers 500 (no silent fallback).

import * as metrics from './metrics';

export interface MetricEngine {
  metricsAnswer: typeof metrics.metricsAnswer;
  customerFigures: typeof metrics.customerFigures;
  customerSubscriptionEntries: typeof metrics.customerSubscriptionEntries;
  activityEntries: typeof metrics.activityEntries;
}

export const defaultEngine: MetricEngine = {
  metricsAnswer: (...a) => metrics.metricsAnswer(...a),
  customerFigures: (...a) => metrics.customerFigures(...a),
  customerSubscriptionEntries: (...a) => metrics.customerSubscriptionEntries(...a),
  activityEntries: (...a) => metrics.activityEntries(...a),
};

/** Thrown by routes when the engine fails; the server turns it into a 500. */
export class EngineError extends Error {}
