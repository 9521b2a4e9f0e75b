// Ping and account resources: GET /v1/ping (key check) and GET /v1/account (currency, time zone, week start).
// Request builders are exported for batching; AccountApi sends them.

import { ApiRequest, CallOptions, objectRequest, Requester } from '../request';

export interface Ping {
  data: string; // "pong!"
}

export type AccountInclude =
  | 'churn_recognition'
  | 'churn_when_zero_mrr'
  | 'auto_churn_subscription'
  | 'refund_handling'
  | 'proximate_movement_reclassification';

export interface Account {
  id?: string;
  name: string;
  currency: string;
  time_zone: string;
  week_start_on: string; // "monday" | "sunday"
  churn_recognition?: string;
  churn_when_zero_mrr?: boolean;
  auto_churn_subscription?: boolean;
  refund_handling?: string;
  proximate_movement_reclassification?: string;
}

export const accountRequests = {
  ping: (): ApiRequest<Ping> => objectRequest('get', '/v1/ping'),
  retrieve: (include?: AccountInclude[]): ApiRequest<Account> =>
    objectRequest('get', '/v1/account', include && include.length ? { include: include.join(',') } : undefined),
};

export class AccountApi {
  constructor(private readonly r: Requester) {}

  /** Checks the key: `{data: "pong!"}` or a 401 `unauthorized` error. */
  ping(o?: CallOptions): Ping {
    return this.r.call(accountRequests.ping(), o);
  }

  retrieve(include?: AccountInclude[], o?: CallOptions): Account {
    return this.r.call(accountRequests.retrieve(include), o);
  }
}
