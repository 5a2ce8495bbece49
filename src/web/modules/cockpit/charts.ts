import type { CockpitChart, DistrictTotals } from '@shared/cockpit/cockpit';

/** Type a little larger on the meeting-room display. */
const sizes = (big: boolean) => ({ label: big ? 18 : 12, axis: big ? 16 : 12 });

/** A chart's figures in words, for its accessible name: 提案办理状态共40件：已立案12件，办理中8件…. */
export function describe(c: CockpitChart): string {
  const parts = c.parts.map((p) => `${p.label}${p.value}${c.unit}`).join('，');
  const rate = c.kind === 'rate' ? `，比率${c.rate === null || c.rate === undefined ? '—' : `${c.rate}%`}` : '';
  return `${c.title}共${c.total}${c.unit}${rate}${parts ? `：${parts}` : ''}`;
}

/** The height a chart needs: a bar per part, so long lists of units stay readable. */
export const heightOf = (c: CockpitChart, big: boolean) => (c.kind === 'bar' ? Math.max(big ? 260 : 180, c.parts.length * (big ? 40 : 28) + 48) : big ? 340 : 260);

/** The ECharts option of a chart: horizontal bars (unit names are long), or a ring of shares. */
export function optionOf(c: CockpitChart, big: boolean) {
  const s = sizes(big);
  if (c.kind === 'bar') {
    return {
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: s.axis } },
      yAxis: { type: 'category', inverse: true, data: c.parts.map((p) => p.label), axisLabel: { fontSize: s.axis, width: big ? 260 : 130, overflow: 'truncate' } },
      series: [{ type: 'bar', data: c.parts.map((p) => p.value), label: { show: true, position: 'right', fontSize: s.label }, itemStyle: { color: c.key.includes('Overdue') ? '#cf1322' : '#1677ff' }, cursor: 'pointer' }],
    };
  }
  return {
    animation: false,
    tooltip: { trigger: 'item', formatter: `{b}：{c}${c.unit}（{d}%）` },
    legend: { bottom: 0, type: 'scroll', textStyle: { fontSize: s.axis } },
    series: [
      {
        type: 'pie',
        radius: ['38%', '66%'],
        center: ['50%', '44%'],
        label: { show: false },
        data: c.parts.filter((p) => p.value > 0).map((p) => ({ name: p.label, value: p.value })),
      },
    ],
  };
}

/** The districts side by side: one group of bars per district, one bar per figure. */
export function districtOption(ds: DistrictTotals[], big: boolean) {
  const s = sizes(big);
  const keys = ds[0]?.figures ?? [];
  return {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, type: 'scroll', textStyle: { fontSize: s.axis } },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: ds.map((d) => d.name), axisLabel: { fontSize: s.axis } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: s.axis } },
    series: keys.map((f) => ({ name: f.label, type: 'bar', data: ds.map((d) => d.figures.find((x) => x.key === f.key)?.value ?? 0) })),
  };
}
