// Id generators: prefixed UUID v4 ids (`ds_`, `cus_`, `pl_`, `inv_`, `li_`, `tr_`, `sub_`) as the API returns them.
// JSON imports and activities use bare UUIDs; customers and subscription events use integer ids from the state counters.

import { randomUUID } from 'crypto';

export type IdPrefix = 'ds' | 'cus' | 'pl' | 'inv' | 'li' | 'tr' | 'sub';

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomUUID()}`;
}

export function bareUuid(): string {
  return randomUUID();
}
