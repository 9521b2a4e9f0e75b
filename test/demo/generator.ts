// Deterministic demo SaaS account (plans, customers, 24 months of invoices with growth, churn, upgrades, refunds).
// One model, two views: an emulator state (playground seed) and workbook rows (import benchmark and tests).

export interface DemoPlan {
  externalId: string;
  name: string;
  intervalCount: number;
  intervalUnit: 'day' | 'month' | 'year';
  priceCents: number; // per seat per billing period
  currency: string;
}

export interface DemoCustomer {
  externalId: string;
  name: string;
  email: string;
  company: string;
  country: string;
  city: string;
  leadCreatedAt: string | null; // ISO UTC
  freeTrialStartedAt: string | null;
  tags: string[];
  custom: { Industry: string; Seats: number; Onboarded: boolean };
}

export interface DemoLine {
  type: 'subscription' | 'one_time';
  planExternalId: string | null;
  subscriptionExternalId: string | null;
  start: string | null;
  end: string | null;
  amountCents: number;
  quantity: number;
  description: string | null;
}

export interface DemoTransaction {
  externalId: string;
  type: 'payment' | 'refund';
  date: string;
  result: 'successful' | 'failed';
}

export interface DemoInvoice {
  externalId: string;
  customerExternalId: string;
  date: string;
  currency: string;
  lines: DemoLine[];
  transactions: DemoTransaction[];
}

export interface DemoModel {
  startDate: string; // YYYY-MM-DD, first day of the first month
  endDate: string; // YYYY-MM-DD, the last day with data
  plans: DemoPlan[];
  customers: DemoCustomer[];
  invoices: DemoInvoice[];
}

export interface DemoOptions {
  seed?: number;
  /** The day the 24 months end on (default: today, UTC). */
  endDate?: Date;
  months?: number;
  /** New customers in the first month; grows ~5% a month (default 12 → a few hundred customers in 24 months). */
  firstMonthSignups?: number;
  /** Extra leads that never convert, as a fraction of signups (default 0.25). */
  leadRatio?: number;
}

const COUNTRIES: Array<[string, string]> = [
  ['US', 'New York'], ['US', 'San Francisco'], ['GB', 'London'], ['DE', 'Berlin'], ['FR', 'Paris'], ['NL', 'Amsterdam'],
  ['ES', 'Madrid'], ['SE', 'Stockholm'], ['CA', 'Toronto'], ['AU', 'Sydney'], ['BR', 'São Paulo'], ['IN', 'Bangalore'],
  ['JP', 'Tokyo'], ['IE', 'Dublin'],
];
const INDUSTRIES = ['SaaS', 'E-commerce', 'Fintech', 'Healthcare', 'Education', 'Agency', 'Media'];
const WORDS = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay', 'Stark', 'Wayne', 'Soylent', 'Tyrell', 'Cyberdyne', 'Wonka',
  'Pied', 'Aperture', 'Gringotts', 'Oscorp', 'Nakatomi', 'Massive', 'Dynamic', 'Blue', 'Red', 'Green', 'North', 'Bright', 'Swift'];
const SUFFIXES = ['Labs', 'Inc', 'GmbH', 'Ltd', 'Systems', 'Works', 'Cloud', 'Analytics', 'Studio', 'Group'];

export const DEMO_PLANS: DemoPlan[] = [
  { externalId: 'starter-monthly', name: 'Starter', intervalCount: 1, intervalUnit: 'month', priceCents: 2900, currency: 'USD' },
  { externalId: 'growth-monthly', name: 'Growth', intervalCount: 1, intervalUnit: 'month', priceCents: 9900, currency: 'USD' },
  { externalId: 'growth-annual', name: 'Growth Annual', intervalCount: 1, intervalUnit: 'year', priceCents: 99000, currency: 'USD' },
  { externalId: 'team-quarterly', name: 'Team Quarterly', intervalCount: 3, intervalUnit: 'month', priceCents: 27000, currency: 'EUR' },
  { externalId: 'scale-monthly', name: 'Scale', intervalCount: 1, intervalUnit: 'month', priceCents: 24900, currency: 'EUR' },
];

/** mulberry32: small, fast, deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function ymd(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function iso(d: Date): string {
  return d.toISOString().replace('.000Z', 'Z');
}

function addMonths(d: Date, n: number): Date {
  const r = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
  const last = new Date(Date.UTC(r.getUTCFullYear(), r.getUTCMonth() + 1, 0)).getUTCDate();
  r.setUTCDate(Math.min(d.getUTCDate(), last));
  return r;
}

function addDays(d: Date, n: number): Date {
  return new Date(d.getTime() + n * 86400000);
}

function periodMonths(p: DemoPlan): number {
  return p.intervalUnit === 'year' ? 12 * p.intervalCount : p.intervalUnit === 'month' ? p.intervalCount : 1;
}

export function generateDemo(options: DemoOptions = {}): DemoModel {
  const rnd = prng(options.seed ?? 42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const end = options.endDate ? new Date(Date.UTC(options.endDate.getUTCFullYear(), options.endDate.getUTCMonth(), options.endDate.getUTCDate())) : new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()));
  const months = options.months ?? 24;
  const start = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - months + 1, 1));
  const customers: DemoCustomer[] = [];
  const invoices: DemoInvoice[] = [];
  let signups = options.firstMonthSignups ?? 12;
  let n = 0;
  let txn = 0;

  for (let m = 0; m < months; m++) {
    const monthStart = addMonths(start, m);
    const count = Math.round(signups * (0.85 + rnd() * 0.3));
    signups *= 1.05;
    for (let k = 0; k < count; k++) {
      n++;
      const id = 'C' + String(n).padStart(5, '0');
      const [country, city] = pick(COUNTRIES);
      const company = `${pick(WORDS)} ${pick(SUFFIXES)}`;
      const signupDay = addDays(monthStart, Math.floor(rnd() * 27));
      if (signupDay > end) continue;
      const hadTrial = rnd() < 0.6;
      const firstBill = hadTrial ? addDays(signupDay, 14) : signupDay;
      const lead = addDays(signupDay, -Math.floor(3 + rnd() * 30));
      const seats = 1 + Math.floor(rnd() * rnd() * 20);
      customers.push({
        externalId: id,
        name: company,
        email: `billing+${n}@${company.toLowerCase().replace(/[^a-z]+/g, '')}.example`,
        company,
        country,
        city,
        leadCreatedAt: iso(lead),
        freeTrialStartedAt: hadTrial ? iso(signupDay) : null,
        tags: [seats >= 10 ? 'enterprise' : 'self-serve', ...(rnd() < 0.15 ? ['partner'] : [])],
        custom: { Industry: pick(INDUSTRIES), Seats: seats, Onboarded: rnd() < 0.7 },
      });
      if (firstBill > end) continue; // still in trial today

      // Plan choice: weighted towards the cheaper plans; EU customers more often on EUR plans.
      const eu = ['DE', 'FR', 'NL', 'ES', 'SE', 'IE'].includes(country);
      let plan = eu && rnd() < 0.6 ? pick(DEMO_PLANS.filter((p) => p.currency === 'EUR')) : pick([DEMO_PLANS[0], DEMO_PLANS[0], DEMO_PLANS[1], DEMO_PLANS[1], DEMO_PLANS[2]]);
      let quantity = plan.priceCents >= 20000 ? Math.max(1, Math.ceil(seats / 5)) : 1;
      let subIndex = 1;
      let sub = `${id}-S${subIndex}`;
      let periodStart = firstBill;
      let inv = 0;
      while (periodStart <= end) {
        const periodEnd = addMonths(periodStart, periodMonths(plan));
        inv++;
        const amount = plan.priceCents * quantity;
        const failed = rnd() < 0.03;
        const refunded = !failed && rnd() < 0.01;
        const invoiceId = `${id}-INV${String(inv).padStart(3, '0')}`;
        const transactions: DemoTransaction[] = [];
        if (failed) transactions.push({ externalId: `T${++txn}`, type: 'payment', date: iso(periodStart), result: 'failed' });
        transactions.push({ externalId: `T${++txn}`, type: 'payment', date: iso(addDays(periodStart, failed ? 3 : 0)), result: 'successful' });
        if (refunded) transactions.push({ externalId: `T${++txn}`, type: 'refund', date: iso(addDays(periodStart, 5)), result: 'successful' });
        const lines: DemoLine[] = [
          { type: 'subscription', planExternalId: plan.externalId, subscriptionExternalId: sub, start: iso(periodStart), end: iso(periodEnd), amountCents: amount, quantity, description: `${plan.name} × ${quantity}` },
        ];
        if (inv === 1 && rnd() < 0.2) lines.push({ type: 'one_time', planExternalId: null, subscriptionExternalId: null, start: null, end: null, amountCents: plan.currency === 'EUR' ? 15000 : 19900, quantity: 1, description: 'Onboarding' });
        // Payments retried or refunded after the model's last day have not happened yet (ChartMogul refuses future dates).
        const happened = transactions.filter((t) => t.date <= iso(end));
        invoices.push({ externalId: invoiceId, customerExternalId: id, date: iso(periodStart), currency: plan.currency, lines, transactions: happened });

        // What happens at renewal: churn, upgrade, downgrade, seat change.
        const r = rnd();
        const churnP = plan.intervalUnit === 'year' ? 0.2 : plan.intervalCount === 3 ? 0.07 : 0.028;
        if (r < churnP || refunded) {
          // churned; some come back later on a new subscription
          if (rnd() < 0.18) {
            periodStart = addMonths(periodEnd, 2 + Math.floor(rnd() * 5));
            subIndex++;
            sub = `${id}-S${subIndex}`;
            continue;
          }
          break;
        }
        const same = DEMO_PLANS.filter((p) => p.currency === plan.currency && p.intervalUnit === plan.intervalUnit && p.intervalCount === plan.intervalCount);
        const idx = same.indexOf(plan);
        if (r < churnP + 0.035 && idx < same.length - 1) plan = same[idx + 1];
        else if (r < churnP + 0.05 && idx > 0) plan = same[idx - 1];
        else if (r < churnP + 0.09) quantity = Math.max(1, quantity + (rnd() < 0.7 ? 1 : -1));
        periodStart = periodEnd;
      }
    }
    // Leads that never converted (CRM scenario).
    const leads = Math.round(count * (options.leadRatio ?? 0.25));
    for (let k = 0; k < leads; k++) {
      n++;
      const [country, city] = pick(COUNTRIES);
      const company = `${pick(WORDS)} ${pick(SUFFIXES)}`;
      const day = addDays(monthStart, Math.floor(rnd() * 27));
      if (day > end) continue;
      customers.push({
        externalId: 'L' + String(n).padStart(5, '0'),
        name: company,
        email: `hello+${n}@${company.toLowerCase().replace(/[^a-z]+/g, '')}.example`,
        company,
        country,
        city,
        leadCreatedAt: iso(day),
        freeTrialStartedAt: rnd() < 0.4 && addDays(day, 2) <= end ? iso(addDays(day, 2)) : null,
        tags: ['lead'],
        custom: { Industry: pick(INDUSTRIES), Seats: 1, Onboarded: false },
      });
    }
  }
  return { startDate: ymd(start), endDate: ymd(end), plans: DEMO_PLANS.map((p) => ({ ...p })), customers, invoices };
}
