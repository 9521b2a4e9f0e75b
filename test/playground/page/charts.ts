// Draws the sheet's embedded charts with chart.js (window.Chart from /chart.js) where Sheets anchors them: over the
// grid at the anchor cell plus the offsets, sized from the chart's width/height options (Sheets' 600 × 371 default).

import type { ChartView } from '../protocol';

interface ChartInstance {
  destroy(): void;
}
type ChartCtor = new (canvas: HTMLCanvasElement, config: unknown) => ChartInstance;

const PALETTE = ['#4285f4', '#ea4335', '#fbbc04', '#34a853', '#ff6d01', '#46bdc6', '#7baaf7', '#f07b72'];
let live: ChartInstance[] = [];

function config(chart: ChartView): unknown {
  const t = chart.type ?? 'LINE';
  const type = t === 'PIE' ? 'pie' : t === 'COLUMN' || t === 'BAR' || t === 'COMBO' || t === 'HISTOGRAM' ? 'bar' : t === 'SCATTER' ? 'scatter' : 'line';
  const stacked = chart.options.isStacked === true || chart.options.isStacked === 'true' || chart.options.isStacked === 'absolute';
  const datasets = chart.series.map((s, i) => {
    const color = PALETTE[i % PALETTE.length];
    const asLine = t === 'COMBO' && i === chart.series.length - 1 && chart.series.length > 1;
    return {
      label: s.label,
      data: t === 'SCATTER' ? s.data.map((y, k) => ({ x: Number(chart.labels[k]), y })) : s.data,
      type: asLine ? 'line' : undefined,
      backgroundColor: type === 'pie' ? s.data.map((_, k) => PALETTE[k % PALETTE.length]) : t === 'AREA' || t === 'STEPPED_AREA' ? color + '55' : color,
      borderColor: color,
      fill: t === 'AREA' || t === 'STEPPED_AREA',
      stepped: t === 'STEPPED_AREA',
      pointRadius: 2,
      tension: 0,
    };
  });
  return {
    type,
    data: { labels: chart.labels, datasets },
    options: {
      animation: false,
      responsive: false,
      indexAxis: t === 'BAR' ? 'y' : 'x',
      plugins: { title: { display: !!chart.title, text: chart.title }, legend: { position: 'bottom' } },
      scales: type === 'pie' ? {} : { x: { stacked }, y: { stacked, beginAtZero: type === 'bar' } },
    },
  };
}

/** Replaces the drawn charts: one box per chart, positioned from the anchor cell's place in the grid. */
export function drawCharts(charts: ChartView[], cellAt: (r: number, c: number) => HTMLElement | null): void {
  for (const c of live) c.destroy();
  live = [];
  const layer = document.getElementById('chart-layer') as HTMLElement;
  layer.replaceChildren();
  const Chart = (window as unknown as { Chart?: ChartCtor }).Chart;
  for (const chart of charts) {
    const anchor = cellAt(chart.anchorRow, chart.anchorColumn);
    const box = document.createElement('div');
    box.className = 'chart-box';
    box.dataset.chartId = String(chart.id ?? '');
    box.dataset.chartType = String(chart.type ?? '');
    box.style.left = `${(anchor?.offsetLeft ?? 46) + chart.offsetX}px`;
    box.style.top = `${(anchor?.offsetTop ?? 22) + chart.offsetY}px`;
    const canvas = document.createElement('canvas');
    canvas.width = chart.width;
    canvas.height = chart.height;
    box.append(canvas);
    layer.append(box);
    if (Chart) live.push(new Chart(canvas, config(chart)));
    else box.textContent = 'chart.js did not load';
  }
}
