// The "new report" form of the Reports panel: kind, metrics, range, interval, plans, countries, CFL filter with an
// inline syntax check, schedule, chart. Reads the form into the createReport spec; API strings only via textContent.

import type { PlanOption, ReportSpecInput } from '../../gas/reportsApi';
import { h, showMessage } from '../dom';
import { call } from '../rpc';

export const METRICS: Array<[string, string]> = [
  ['mrr', 'MRR'], ['arr', 'ARR'], ['arpa', 'ARPA'], ['asp', 'ASP'], ['customers', 'Customers'],
  ['customer-churn-rate', 'Customer churn rate'], ['mrr-churn-rate', 'Net MRR churn rate'], ['ltv', 'LTV'],
];
export const KINDS: Array<[string, string]> = [
  ['metrics', 'Metrics'], ['mrr-movements', 'MRR movements'], ['customers', 'Customers list'],
  ['subscriptions', 'Subscriptions list'], ['activities', 'Activities list'],
];
const INTERVALS: Array<[string, string]> = [['day', 'Day'], ['week', 'Week'], ['month', 'Month'], ['quarter', 'Quarter'], ['year', 'Year']];
export const SCHEDULES: Array<[string, string]> = [['none', 'Not scheduled'], ['hourly', 'Hourly'], ['daily', 'Daily'], ['weekly', 'Weekly']];

function select(id: string, options: Array<[string, string]>, value: string): HTMLSelectElement {
  const s = h('select', { id });
  for (const [v, label] of options) s.appendChild(h('option', { value: v }, [label]));
  s.value = value;
  return s;
}

function field(label: string, id: string, control: HTMLElement, help?: string): HTMLElement {
  const parts: HTMLElement[] = [h('label', { for: id }, [label]), control];
  if (help) {
    control.setAttribute('aria-describedby', id + '-help');
    parts.push(h('p', { class: 'help', id: id + '-help' }, [help]));
  }
  return h('div', { class: 'rep-field' }, parts);
}

export class ReportForm {
  readonly kind = select('rep-kind', KINDS, 'metrics');
  readonly name = h('input', { id: 'rep-name', type: 'text', placeholder: 'Named after the report if empty' });
  readonly metrics = h('div', { id: 'rep-metrics', class: 'rep-checks', role: 'group', 'aria-label': 'Metrics' });
  readonly rangeType = select('rep-range-type', [['rolling', 'Last N months'], ['fixed', 'Fixed dates']], 'rolling');
  readonly months = h('input', { id: 'rep-months', type: 'number', min: '1', max: '120', value: '12' });
  readonly start = h('input', { id: 'rep-start', type: 'date', 'aria-label': 'Start date' });
  readonly end = h('input', { id: 'rep-end', type: 'date', 'aria-label': 'End date' });
  readonly interval = select('rep-interval', INTERVALS, 'month');
  readonly plans = h('select', { id: 'rep-plans', multiple: 'multiple', size: '4' });
  readonly geo = h('input', { id: 'rep-geo', type: 'text', placeholder: 'e.g. US, DE' });
  readonly filters = h('input', { id: 'rep-filters', type: 'text', placeholder: "e.g. currency~ANY~'USD'" });
  readonly filterMsg = h('div', { id: 'rep-filter-msg', class: 'msg empty', role: 'status', 'aria-live': 'polite' });
  readonly schedule = select('rep-schedule', SCHEDULES, 'none');
  readonly chart = h('input', { id: 'rep-chart', type: 'checkbox' });
  private readonly metricPart = h('div', { id: 'rep-metric-fields' });
  private readonly rangePart = h('div', { id: 'rep-range-fields' });
  private readonly fixed = h('div', { class: 'rep-fixed' });
  private checkSeq = 0;

  constructor() {
    this.chart.checked = true;
    for (const [value, label] of METRICS) {
      const box = h('input', { type: 'checkbox', value, id: 'rep-metric-' + value });
      box.checked = value === 'mrr';
      this.metrics.appendChild(h('label', { class: 'check rep-check' }, [box, h('span', {}, [label])]));
    }
    this.fixed.append(this.start, h('span', { 'aria-hidden': 'true' }, ['→']), this.end);
    this.kind.addEventListener('change', () => this.sync());
    this.rangeType.addEventListener('change', () => this.sync());
    let timer: number | undefined;
    this.filters.addEventListener('input', () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void this.checkFilter(), 300);
    });
  }

  element(): HTMLElement {
    this.rangePart.append(field('Date range', 'rep-range-type', this.rangeType), field('Months', 'rep-months', this.months), this.fixed);
    this.metricPart.append(
      field('Metrics', 'rep-metrics', this.metrics),
      field('Interval', 'rep-interval', this.interval),
      field('Plans', 'rep-plans', this.plans, 'None selected means all plans. Ctrl-click (⌘-click on a Mac) to pick several.'),
      field('Countries (2-letter codes)', 'rep-geo', this.geo),
      field('Filter (optional, ChartMogul filter syntax)', 'rep-filters', this.filters),
      this.filterMsg,
      h('label', { class: 'check rep-check' }, [this.chart, h('span', {}, ['Insert a chart'])]),
    );
    this.sync();
    return h('div', { id: 'rep-form' }, [
      field('Report', 'rep-kind', this.kind), field('Tab name (optional)', 'rep-name', this.name), this.rangePart, this.metricPart,
      field('Refresh schedule', 'rep-schedule', this.schedule),
    ]);
  }

  setPlans(plans: PlanOption[]): void {
    for (const p of plans) {
      const o = h('option', { value: p.name });
      o.textContent = `${p.name} (${p.interval})`;
      this.plans.appendChild(o);
    }
  }

  private sync(): void {
    const k = this.kind.value;
    this.metricPart.hidden = k !== 'metrics' && k !== 'mrr-movements';
    if (this.metrics.parentElement) this.metrics.parentElement.hidden = k !== 'metrics';
    this.rangePart.hidden = k === 'customers' || k === 'subscriptions';
    const rolling = this.rangeType.value === 'rolling';
    if (this.months.parentElement) this.months.parentElement.hidden = !rolling;
    this.fixed.hidden = rolling;
  }

  async checkFilter(): Promise<boolean> {
    const text = this.filters.value.trim();
    const seq = ++this.checkSeq;
    if (!text) {
      this.filterMsg.className = 'msg empty';
      this.filterMsg.textContent = '';
      return true;
    }
    const r = await call('checkFilter', text);
    if (seq === this.checkSeq) showMessage(this.filterMsg, r.ok ? 'ok' : 'error', r.message);
    return r.ok;
  }

  /** The spec for createReport, or throws a message for the form. */
  spec(): ReportSpecInput {
    const kind = this.kind.value as ReportSpecInput['kind'];
    const spec: ReportSpecInput = { kind, schedule: this.schedule.value as ReportSpecInput['schedule'] };
    if (this.name.value.trim()) spec.name = this.name.value.trim();
    if (kind !== 'customers' && kind !== 'subscriptions') {
      spec.range = this.rangeType.value === 'fixed'
        ? { type: 'fixed', start: this.start.value, end: this.end.value }
        : { type: 'rolling', months: Number(this.months.value) };
    }
    if (kind === 'metrics' || kind === 'mrr-movements') {
      if (kind === 'metrics') {
        spec.metrics = Array.from(this.metrics.querySelectorAll<HTMLInputElement>('input:checked')).map((b) => b.value);
        if (!spec.metrics.length) throw new Error('Tick at least one metric.');
      }
      spec.interval = this.interval.value as ReportSpecInput['interval'];
      spec.plans = Array.from(this.plans.selectedOptions).map((o) => o.value);
      spec.geo = this.geo.value.split(',').map((s) => s.trim()).filter((s) => s);
      spec.filters = this.filters.value.trim();
      spec.chart = this.chart.checked;
    }
    return spec;
  }
}
