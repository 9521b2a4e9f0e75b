// Lookups and cascading deletes over the emulator state, shared by the resource route files.
// Everything here is synchronous and mutates the state in place.

import type { Customer, DataSource, EmulatorState, Invoice, Plan, Subscription } from '../state';

export function findDataSource(s: EmulatorState, uuid: unknown): DataSource | undefined {
  return s.dataSources.find((d) => d.uuid === uuid);
}

export function findCustomer(s: EmulatorState, uuid: unknown): Customer | undefined {
  return s.customers.find((c) => c.uuid === uuid);
}

export function findPlan(s: EmulatorState, uuid: unknown): Plan | undefined {
  return s.plans.find((p) => p.uuid === uuid);
}

export function findInvoice(s: EmulatorState, uuid: unknown): Invoice | undefined {
  return s.invoices.find((i) => i.uuid === uuid);
}

export function findSubscription(s: EmulatorState, uuid: unknown): Subscription | undefined {
  return s.subscriptions.find((x) => x.uuid === uuid);
}

/** Removes a customer's invoices and subscriptions (and the customer itself unless keepCustomer). */
export function deleteCustomerData(s: EmulatorState, customerUuid: string, keepCustomer = false): void {
  s.invoices = s.invoices.filter((i) => i.customer_uuid !== customerUuid);
  s.subscriptions = s.subscriptions.filter((x) => x.customer_uuid !== customerUuid);
  if (!keepCustomer) {
    const c = findCustomer(s, customerUuid);
    s.customers = s.customers.filter((x) => x.uuid !== customerUuid);
    if (c) {
      s.subscriptionEvents = s.subscriptionEvents.filter(
        (e) => !(e.data_source_uuid === c.data_source_uuid && e.customer_external_id === c.external_id),
      );
    }
  }
}

/**
 * Removes a data source and everything imported into it. With `emptyOnly` (DELETE …/all) only the billing data
 * (invoices, subscriptions, events, imports) goes; customers and plans stay (recorded: the customer still answers 200).
 */
export function deleteDataSourceData(s: EmulatorState, dsUuid: string, emptyOnly = false): void {
  if (!emptyOnly) {
    s.customers = s.customers.filter((c) => c.data_source_uuid !== dsUuid);
    s.plans = s.plans.filter((p) => p.data_source_uuid !== dsUuid);
  }
  s.invoices = s.invoices.filter((i) => i.data_source_uuid !== dsUuid);
  s.subscriptions = s.subscriptions.filter((x) => x.data_source_uuid !== dsUuid);
  s.subscriptionEvents = s.subscriptionEvents.filter((e) => e.data_source_uuid !== dsUuid);
  s.jsonImports = s.jsonImports.filter((j) => j.data_source_uuid !== dsUuid);
  if (!emptyOnly) s.dataSources = s.dataSources.filter((d) => d.uuid !== dsUuid);
}
