import { useMemo, useState } from 'react';
import { Button, Card, Col, DatePicker, Row, Statistic, Table, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { queryString } from '@shared/http/paths';
import { levels as levelLabels, type Level } from '@shared/opinions/labels';
import { opinionPaths } from '@shared/opinions/paths';
import type { OpinionStats as Stats } from '@shared/opinions/responses';
import { api } from '../../../app/api';
import { useGet } from '../../../app/query';
import { run } from '../../../app/errors';
import { PageCard } from '../../../app/ui/PageCard';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);
const levels = Object.keys(levelLabels) as Level[];

/** 社情民意统计: submitted, adopted, by level, instructions by level, by member and sector; .xlsx export. */
export default function StatsPage() {
  const [year, setYear] = useState(dayjs().year());
  const { data: s, isFetching: loading } = useGet<Stats>(opinionPaths.stats, { year }, { keepPrevious: true });
  const chart = useMemo(
    () => ({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: ['采用（次）', '领导批示（次）'] },
      grid: { left: 40, right: 16, bottom: 30, top: 40 },
      xAxis: { type: 'category', data: levels.map((l) => levelLabels[l]) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: '采用（次）', type: 'bar', data: levels.map((l) => s?.adoptionsByLevel[l] ?? 0), itemStyle: { color: '#52c41a' } },
        { name: '领导批示（次）', type: 'bar', data: levels.map((l) => s?.instructionsByLevel[l] ?? 0), itemStyle: { color: '#cf1322' } },
      ],
    }),
    [s],
  );

  return (
    <PageCard
      title="社情民意统计"
      extra={
        <>
          <DatePicker aria-label="年度" picker="year" allowClear={false} value={dayjs(`${year}-01-01`)} onChange={(d) => d && setYear(d.year())} />
          <Button icon={<DownloadOutlined />} onClick={() => run(() => api.download(`${opinionPaths.statsExport}${queryString({ year })}`, `社情民意统计${year}.xlsx`))} data-testid="stats-export">
            导出 .xlsx
          </Button>
        </>
      }
    >
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {([['报送信息', s?.submitted, '篇', 'submitted'], ['被采用信息（至少一次）', s?.adopted, '篇', 'adopted'], ['各级采用', s?.adoptions, '次', 'adoptions'], ['领导批示', s?.instructions, '次', 'instructions'], ['未采用', s?.declined, '篇', 'declined'], ['已综合', s?.combined, '篇', 'combined']] as const).map(([label, value, unit, key]) => (
          <Col key={key} xs={12} md={8} xl={4}><Card loading={loading}><Statistic title={label} value={value ?? 0} suffix={unit} data-testid={`stats-${key}`} /></Card></Col>
        ))}
      </Row>
      <Card title="各层级采用与批示" style={{ marginBottom: 16 }}>
        <ReactEChartsCore echarts={echarts} option={chart} style={{ height: 300 }} notMerge />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={`按委员（年度任务 ${s?.quota ?? '—'} 篇）`}>
            <Table
              size="small"
              rowKey="memberId"
              loading={loading}
              dataSource={s?.byAuthor}
              pagination={{ pageSize: 10 }}
              columns={[
                { title: '委员', dataIndex: 'name' },
                { title: '界别', dataIndex: 'sector', ellipsis: true },
                { title: '报送（篇）', dataIndex: 'submitted', width: 70 },
                { title: '被采用（篇）', dataIndex: 'adopted', width: 80 },
                { title: '采用（次）', dataIndex: 'adoptions', width: 70 },
                { title: '批示（次）', dataIndex: 'instructed', width: 70 },
                { title: '任务', dataIndex: 'quotaMet', width: 80, render: (met: boolean) => (met ? <Tag color="green">已完成</Tag> : <Tag>未完成</Tag>) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title="按界别">
            <Table size="small" rowKey="sector" loading={loading} dataSource={s?.bySector} pagination={false} columns={[
              { title: '界别', dataIndex: 'sector' }, { title: '报送（篇）', dataIndex: 'submitted', width: 70 }, { title: '被采用（篇）', dataIndex: 'adopted', width: 80 }, { title: '采用（次）', dataIndex: 'adoptions', width: 70 }, { title: '批示（次）', dataIndex: 'instructed', width: 70 },
            ]} />
          </Card>
        </Col>
      </Row>
    </PageCard>
  );
}
