// Plans: create, list (cursor-paginated `plans`), retrieve, update (PATCH), delete.
// Quarterly = month × 3, weekly = day × 7; a duplicate external_id is a 422 with `alreadyExists`.

import { ApiRequest, CallOptions, ListOptions, listRequest, ListRequest, ListResponse, objectRequest, Requester, voidRequest } from '../request';
import { path } from '../query';

export type IntervalUnit = 'day' | 'month' | 'year';

export interface NewPlan {
  data_source_uuid: string;
  name: string;
  interval_count: number;
  interval_unit: IntervalUnit;
  external_id?: string;
}

export interface PlanUpdate {
  name?: string;
  interval_count?: number;
  interval_unit?: IntervalUnit;
}

export interface Plan {
  uuid: string;
  data_source_uuid: string;
  name: string;
  interval_count: number;
  interval_unit: IntervalUnit;
  external_id: string;
}

export interface PlanListParams {
  data_source_uuid?: string;
  external_id?: string;
  system?: string;
  per_page?: number;
  cursor?: string;
}

export type PlanList = ListResponse<'plans', Plan>;

const P = '/v1/plans';

export const planRequests = {
  create: (input: NewPlan): ApiRequest<Plan> => objectRequest('post', P, undefined, input),
  list: (params: PlanListParams = {}): ListRequest<'plans', Plan> => listRequest(P, 'plans', { ...params }),
  retrieve: (uuid: string): ApiRequest<Plan> => objectRequest('get', path(P, uuid)),
  update: (uuid: string, changes: PlanUpdate): ApiRequest<Plan> => objectRequest('patch', path(P, uuid), undefined, changes),
  delete: (uuid: string): ApiRequest<void> => voidRequest('delete', path(P, uuid)),
};

export class PlansApi {
  constructor(private readonly r: Requester) {}

  create(input: NewPlan, o?: CallOptions): Plan {
    return this.r.call(planRequests.create(input), o);
  }

  list(params?: PlanListParams, o?: CallOptions): PlanList {
    return this.r.call(planRequests.list(params), o);
  }

  listAll(params?: Omit<PlanListParams, 'cursor' | 'per_page'>, o?: ListOptions): Plan[] {
    return this.r.listAll(planRequests.list(params), o);
  }

  retrieve(uuid: string, o?: CallOptions): Plan {
    return this.r.call(planRequests.retrieve(uuid), o);
  }

  update(uuid: string, changes: PlanUpdate, o?: CallOptions): Plan {
    return this.r.call(planRequests.update(uuid, changes), o);
  }

  delete(uuid: string, o?: CallOptions): void {
    this.r.call(planRequests.delete(uuid), o);
  }
}
