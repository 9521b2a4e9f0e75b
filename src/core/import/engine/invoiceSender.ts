// Row mode for invoices: one POST /v1/import/customers/{uuid}/invoices per customer per chunk, with the invoices'
// new transactions embedded. A 422 is split per invoice (ChartMogul may reject the whole request for one bad invoice).

import { ApiRequest, BatchResult, ChartMogulError, embeddedFieldErrors, Invoice, invoiceRequests, isAlreadyExistsError } from '../../chartmogul';
import type { NewInvoice, NewLineItem, NewTransaction } from '../../chartmogul';
import type { TransactionPayload } from '../types';
import { apiMessage, fail, notSent, SendCtx, succeed } from './outcome';
import type { Item } from './plan';

interface Group {
  customerUuid: string;
  items: Item[];
  bodies: NewInvoice[];
}

type Verdict = 'retry' | 'exists' | { error: string };

function fieldText(field: string, message: string): string {
  return field ? `${field}: ${message}` : message;
}

/** Per-invoice verdicts of a rejected multi-invoice request (`invoices[i].field` errors). */
export function splitInvoiceError(e: ChartMogulError, count: number): Verdict[] {
  const per: { field: string; message: string; exists: boolean }[][] = [];
  for (let i = 0; i < count; i++) per.push([]);
  let structured = false;
  for (const f of e.fields) {
    const m = /^invoices\[(\d+)\]\.?(.*)$/.exec(f.field);
    if (!m || +m[1] >= count) continue;
    structured = true;
    per[+m[1]].push({ field: m[2], message: f.message, exists: isAlreadyExistsError({ field: m[2], message: f.message }) });
  }
  if (!structured) {
    if (e.alreadyExists && count === 1) return ['exists'];
    return per.map(() => ({ error: apiMessage(e) }));
  }
  return per.map((errs): Verdict => {
    if (!errs.length) return 'retry';
    if (errs.every((x) => x.exists)) return 'exists';
    return { error: 'ChartMogul: ' + errs.filter((x) => !x.exists).map((x) => fieldText(x.field, x.message)).join('; ') };
  });
}

export interface InvoiceWork {
  items: Item[];
  /** Transactions (planned creates) of these invoices, sent inside them. */
  transactions: Map<string, Item[]>;
}

function body(ctx: SendCtx, it: Item, txs: Item[]): NewInvoice | string {
  const p = (it.invoice as NonNullable<Item['invoice']>).payload;
  const lines: NewLineItem[] = [];
  for (const li of p.line_items) {
    const { plan_external_id, ...rest } = li;
    const line = { ...rest } as NewLineItem;
    if (plan_external_id) {
      const uuid = ctx.maps.plans.get(plan_external_id);
      if (!uuid) return `plan_external_id: plan ${JSON.stringify(plan_external_id)} is not in ChartMogul (it was not imported)`;
      line.plan_uuid = uuid;
    }
    lines.push(line);
  }
  const out: NewInvoice = { ...p, line_items: lines };
  if (txs.length) out.transactions = txs.map((t) => t.row.payload as TransactionPayload as NewTransaction);
  return out;
}

function done(ctx: SendCtx, it: Item, txs: Item[], inv: Invoice | undefined, status: 'imported' | 'updated' | 'exists'): void {
  if (!inv) return fail(ctx, it, 'ChartMogul did not return this invoice');
  const errs = embeddedFieldErrors(inv);
  if (errs.length && status !== 'exists') {
    const msg = 'ChartMogul: ' + errs.map((f) => fieldText(f.field, f.message)).join('; ');
    fail(ctx, it, msg);
    for (const t of txs) fail(ctx, t, `invoice_external_id: the invoice was not imported (${msg})`);
    return;
  }
  ctx.maps.invoices.set(it.key, { uuid: inv.uuid, currency: inv.currency });
  succeed(ctx, it, status, inv.uuid, status === 'exists' ? 'already in ChartMogul' : '');
  for (const t of txs) {
    const ext = (t.row.payload as TransactionPayload).external_id;
    const tx = (inv.transactions || []).find((x) => x.external_id === ext);
    if (tx) succeed(ctx, t, status === 'exists' ? 'exists' : 'imported', tx.uuid, status === 'exists' ? 'already in ChartMogul' : '');
    else fail(ctx, t, 'the transaction was not stored with its invoice; import again to send it on its own');
  }
}

export function sendInvoices(ctx: SendCtx, work: InvoiceWork): void {
  const ds = ctx.deps.dataSourceUuid;
  const txsOf = (it: Item): Item[] => work.transactions.get(it.key) || [];
  const failAll = (it: Item, msg: string): void => {
    fail(ctx, it, msg);
    for (const t of txsOf(it)) fail(ctx, t, `invoice_external_id: the invoice was not imported (${msg})`);
  };
  // Replacing: delete the imported version first (a 404 means it is already gone).
  const replace = work.items.filter((it) => it.action === 'replace');
  const gone = new Set<Item>();
  ctx.deps.client.batch(replace.map((it) => invoiceRequests.delete(it.uuid))).forEach((r, i) => {
    if (notSent(r)) return;
    if (r.ok || r.error.kind === 'not_found') gone.add(replace[i]);
    else failAll(replace[i], apiMessage(r.error));
  });
  const groups = new Map<string, Group>();
  for (const it of work.items) {
    if (it.action === 'replace' && !gone.has(it)) continue;
    const cust = (it.invoice as NonNullable<Item['invoice']>).customerExternalId;
    const uuid = ctx.maps.customers.get(cust);
    if (!uuid) {
      failAll(it, `customer_external_id: customer ${JSON.stringify(cust)} is not in ChartMogul (it was not imported)`);
      continue;
    }
    const b = body(ctx, it, txsOf(it));
    if (typeof b === 'string') {
      failAll(it, b);
      continue;
    }
    const g = groups.get(uuid) || { customerUuid: uuid, items: [], bodies: [] };
    g.items.push(it);
    g.bodies.push(b);
    groups.set(uuid, g);
  }
  const exists: Item[] = [];
  let round = Array.from(groups.values());
  for (let attempt = 0; attempt < 2 && round.length; attempt++) {
    const res: BatchResult<{ invoices: Invoice[] }>[] = ctx.deps.client.batch(round.map((g) => invoiceRequests.importMany(g.customerUuid, g.bodies)));
    const next: Group[] = [];
    res.forEach((r, gi) => {
      const g = round[gi];
      if (notSent(r)) return;
      if (r.ok) {
        g.items.forEach((it) => done(ctx, it, txsOf(it), r.value.invoices.find((x) => x.external_id === it.key), it.action === 'replace' ? 'updated' : 'imported'));
        return;
      }
      const verdicts = splitInvoiceError(r.error, g.items.length);
      const retry: Group = { customerUuid: g.customerUuid, items: [], bodies: [] };
      verdicts.forEach((v, i) => {
        const it = g.items[i];
        if (v === 'exists') exists.push(it);
        else if (v === 'retry' && attempt === 0) {
          retry.items.push(it);
          retry.bodies.push(g.bodies[i]);
        } else if (v === 'retry') failAll(it, apiMessage(r.error));
        else failAll(it, v.error);
      });
      if (retry.items.length) next.push(retry);
    });
    round = next;
  }
  const lookups: ApiRequest<{ invoices: Invoice[] }>[] = exists.map((it) => invoiceRequests.list({ data_source_uuid: ds, external_id: it.key, per_page: 1 }));
  ctx.deps.client.batch(lookups).forEach((r, i) => {
    const it = exists[i];
    if (notSent(r)) return;
    if (r.ok && r.value.invoices.length) done(ctx, it, txsOf(it), r.value.invoices[0], 'exists');
    else failAll(it, r.ok ? 'ChartMogul says this invoice already exists but it could not be found' : apiMessage(r.error));
  });
}
