// Builds the route table of the emulated ChartMogul API from the per-resource registration functions.
// Order does not matter: the router prefers literal path segments over parameters.

import { Router } from '../router';
import { registerAttributes } from './attributes';
import { registerCustomers } from './customers';
import { registerDataSources } from './data-sources';
import { registerInvoices } from './invoices';
import { registerJsonImports } from './json-imports';
import { registerMetrics } from './metrics';
import { registerPingAccount } from './ping-account';
import { registerPlans } from './plans';
import { registerSubscriptionEvents } from './subscription-events';
import { registerSubscriptions } from './subscriptions';

export function apiRouter(): Router {
  const r = new Router();
  registerPingAccount(r);
  registerDataSources(r);
  registerCustomers(r);
  registerAttributes(r);
  registerPlans(r);
  registerInvoices(r);
  registerSubscriptions(r);
  registerSubscriptionEvents(r);
  registerJsonImports(r);
  registerMetrics(r);
  return r;
}
