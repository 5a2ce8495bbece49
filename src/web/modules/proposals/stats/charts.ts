import * as echarts from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { ProposalStats } from '@shared/proposals/stats';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);
export { echarts };

const outcomeSeries = [
  ['立案', 'filed', '#1677ff'],
  ['并案', 'merged', '#13c2c2'],
  ['转办', 'converted', '#faad14'],
  ['不予立案', 'notFiled', '#bfbfbf'],
  ['待审查', 'pending', '#d3adf7'],
] as const;

/** 各类别提案的审查结果, stacked per category (the most proposals first). */
export function categoryChart(s: ProposalStats) {
  const rows = s.byCategory;
  return {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, bottom: 8, top: 36, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => r.category || '未分类'), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: outcomeSeries.map(([name, key, color]) => ({ name, type: 'bar', stack: 'outcome', data: rows.map((r) => r[key]), itemStyle: { color } })),
  };
}

/** 答复类别 (A/B/C/D…) as shares of the replies sent. */
export function answerClassChart(s: ProposalStats) {
  return {
    animation: false,
    tooltip: { trigger: 'item', formatter: '{b}：{c}件（{d}%）' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        center: ['50%', '42%'],
        // the legend names each class; labels around a small ring would overlap
        label: { show: false },
        data: s.answerClasses.filter((c) => c.count > 0).map((c) => ({ name: `${c.code}类 ${c.label}`, value: c.count })),
      },
    ],
  };
}

/** 满意度: how proposers rated the attitude and the result of handling. */
export function satisfactionChart(s: ProposalStats) {
  const aspects = [
    ['办理态度', s.satisfaction?.attitude],
    ['办理结果', s.satisfaction?.result],
  ] as const;
  const levels = [
    ['满意', 'satisfied', '#52c41a'],
    ['基本满意', 'basically', '#faad14'],
    ['不满意', 'unsatisfied', '#cf1322'],
  ] as const;
  return {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, bottom: 8, top: 36, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: aspects.map(([label]) => label) },
    series: levels.map(([name, key, color]) => ({ name, type: 'bar', stack: 'rating', data: aspects.map(([, a]) => a?.[key] ?? 0), itemStyle: { color } })),
  };
}
