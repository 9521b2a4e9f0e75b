import { parseWorkbook } from '/work/main/src/core/import';
import { BERLIN as B0 } from '/work/main/test/core/import/helpers';
const BERLIN = { ...B0, zoneOffset: (tz: string, ms: number) => (ms > Date.UTC(2024,2,31,1) && ms < Date.UTC(2024,9,27,1) ? 120 : 60) };
const N = 10000;
const cust = { headers: ['external_id','name','email','country','lead_created_at','custom.Seats'], rows: [] as any[], firstRow: 2 };
const inv = { headers: ['invoice_external_id','customer_external_id','date','currency','type','plan_external_id','subscription_external_id','service_period_start','service_period_end','amount'], rows: [] as any[], firstRow: 2 };
const tx = { headers: ['invoice_external_id','type','date','result','amount'], rows: [] as any[], firstRow: 2 };
for (let i = 0; i < N; i++) {
  cust.rows.push(['C'+i, 'N'+i, `a${i}@x.com`, 'DE', '2024-01-01', i]);
  for (let j = 0; j < 5; j++) { inv.rows.push([`I${i}-${j}`, 'C'+i, new Date(Date.UTC(2024, j, 1)), 'EUR', 'subscription', 'pro', 'S'+i, '2024-01-01', '2024-02-01', 49.9]); tx.rows.push([`I${i}-${j}`, 'payment', '2024-02-01', 'successful', 10]); }
}
const t = Date.now();
const p = parseWorkbook({ Customers: cust, Invoices: inv, Transactions: tx, Plans: { headers: ['external_id','name','interval_count','interval_unit'], rows: [['pro','Pro',1,'month']], firstRow: 2 } }, BERLIN);
console.log('ms', Date.now() - t, p.Invoices!.invoices!.length, p.Transactions!.rows.filter(r => r.errors.length).length);
