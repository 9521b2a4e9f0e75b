// GET /v1/ping and GET /v1/account (with the optional `include` settings).
// Neither is paginated.

import { q } from '../http-types';
import type { Router } from '../router';

const ACCOUNT_INCLUDES: Record<string, unknown> = {
  churn_recognition: 'churn_at_time_of_cancelation',
  churn_when_zero_mrr: false,
  auto_churn_subscription: false,
  refund_handling: 'refund_ignore',
  proximate_movement_reclassification: 'one_hour_reclassification',
};

export function registerPingAccount(r: Router): void {
  r.add('GET', '/v1/ping', () => ({ status: 200, body: { data: 'pong!' } }));

  r.add('GET', '/v1/account', (req, ctx) => {
    const a = ctx.state.account;
    const body: Record<string, unknown> = {
      name: a.name,
      currency: a.currency,
      time_zone: a.time_zone,
      week_start_on: a.week_start_on,
    };
    const include = q(req.query, 'include');
    if (include) {
      for (const key of include.split(',').map((s) => s.trim())) {
        if (key in ACCOUNT_INCLUDES) body[key] = ACCOUNT_INCLUDES[key];
      }
    }
    return { status: 200, body };
  });
}
