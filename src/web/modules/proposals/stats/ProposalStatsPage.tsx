import { useMemo } from 'react';
import { GuardedButton } from '../../../app/ui/GuardedButton';
import { useSearchParams } from 'react-router';
import { Button, Card, Col, Empty, Row, Select, Statistic, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { proposalPaths } from '@shared/proposals/paths';
import type { ProposalStats, UnitFigures } from '@shared/proposals/stats';
import { queryString } from '@shared/http/paths';
import { api } from '../../../app/api';
import { useGet } from '../../../app/query';
import { run } from '../../../app/errors';
import { PageCard } from '../../../app/ui/PageCard';
import { answerClassChart, categoryChart, echarts, satisfactionChart } from './charts';

/** 12.3% or — when there was nothing to count. */
const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v}%`);

const count = (title: string, dataIndex: string, width = 64) => ({ title, dataIndex, width, align: 'right' as const });
const rate = (title: string, dataIndex: string, width = 80) => ({ ...count(title, dataIndex, width), render: pct });

/**
 * 提案统计 of one plenary session (RULES.md "Statistics"): what came in and what became of it,
 * filing and reply rates, satisfaction, answer classes, by category and by unit; .xlsx export.
 * The session is in the address (?session=…), so a figure can be sent as a link.
 */
export default function ProposalStatsPage() {
  const [params, setParams] = useSearchParams();
  const sessionId = params.get('session') ?? undefined;
  const { data: s, isFetching: loading } = useGet<ProposalStats>(proposalPaths.stats, { sessionId }, { keepPrevious: true });
  const charts = useMemo(() => (s?.overall ? { category: categoryChart(s), classes: answerClassChart(s), satisfaction: satisfactionChart(s) } : null), [s]);
  const o = s?.overall;
  const classCodes = s?.answerClasses.map((c) => c.code) ?? [];

  return (
    <PageCard
      title="提案统计"
      extra={
        <>
          <Select
            aria-label="会议"
            data-testid="stats-session"
            style={{ minWidth: 220 }}
            placeholder="选择会议"
            value={s?.session?.id}
            loading={loading}
            options={s?.sessions.map((x) => ({ value: x.id, label: `${x.name}（${x.received}件）` }))}
            onChange={(id: string) => setParams({ session: id })}
          />
          <GuardedButton
            icon={<DownloadOutlined />}
            why={!s?.session ? '尚未设置会议，无可导出的统计' : null}
            data-testid="stats-export"
            onClick={() => run(() => api.download(`${proposalPaths.statsWorkbook}${queryString({ sessionId: s?.session?.id })}`, '提案统计.xlsx'))}
          >
            导出 .xlsx
          </GuardedButton>
        </>
      }
    >
      {!loading && !s?.session ? (
        <Empty description="尚未设置会议，暂无统计" />
      ) : (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }} data-testid="stats-overall">
            <Figure title="收到提案" value={o?.received} suffix="件" loading={loading} />
            <Figure title="立案" value={o?.filed} suffix="件" note={`立案率 ${pct(o?.filingRate)}`} loading={loading} />
            <Figure title="并案 / 转办 / 不予立案" value={o ? `${o.merged} / ${o.converted} / ${o.notFiled}` : undefined} note={`待审查 ${o?.pending ?? 0} 件`} loading={loading} />
            <Figure title="已办复" value={o?.replied} suffix="件" note={`办复率 ${pct(o?.replyRate)}`} loading={loading} />
            <Figure title="办理结果满意率" value={pct(s?.satisfaction?.result.rate)} note={`态度满意率 ${pct(s?.satisfaction?.attitude.rate)}（${s?.satisfaction?.result.rated ?? 0}件已评价）`} loading={loading} />
            <Figure title="提案委员" value={o?.proposers} suffix="人" note={`占委员 ${pct(o?.proposerShare)}；重点提案 ${o?.key ?? 0} 件`} loading={loading} />
          </Row>
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
            <Col xs={24} xl={12}>
              <Card size="small" title="各类别审查结果">{charts && <ReactEChartsCore echarts={echarts} option={charts.category} style={{ height: 300 }} notMerge />}</Card>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Card size="small" title="答复类别">
                {charts && s!.answerClasses.some((c) => c.count > 0) ? <ReactEChartsCore echarts={echarts} option={charts.classes} style={{ height: 300 }} notMerge /> : <Empty description="尚无答复" />}
              </Card>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Card size="small" title="满意度评价">{charts && <ReactEChartsCore echarts={echarts} option={charts.satisfaction} style={{ height: 300 }} notMerge />}</Card>
            </Col>
          </Row>
          <Card size="small" title="按类别" style={{ marginBottom: 12 }}>
            <Table
              data-testid="stats-by-category"
              size="small"
              rowKey="category"
              loading={loading}
              dataSource={s?.byCategory}
              pagination={false}
              scroll={{ x: 760 }}
              columns={[
                { title: '类别', dataIndex: 'category', render: (c: string) => c || '未分类' },
                count('收到', 'received'), count('立案', 'filed'), count('并案', 'merged'), count('转办', 'converted'), count('不予立案', 'notFiled', 80),
                rate('立案率', 'filingRate'), count('已办复', 'replied', 70), rate('办复率', 'replyRate'),
              ]}
            />
          </Card>
          <Card size="small" title="按承办单位">
            <Table<UnitFigures>
              data-testid="stats-by-unit"
              size="small"
              rowKey="unitId"
              loading={loading}
              dataSource={s?.byUnit}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              scroll={{ x: 960 }}
              columns={[
                { title: '承办单位', dataIndex: 'unit', fixed: 'left', width: 160 },
                count('交办', 'assigned'), count('主办', 'leading'), count('协办', 'assisting'), count('已答复', 'replied', 70),
                ...classCodes.map((code) => ({ title: `${code}类`, key: code, width: 56, align: 'right' as const, render: (_: unknown, u: UnitFigures) => u.classes[code] ?? 0 })),
                rate('办复率', 'replyRate'), rate('态度满意率', 'attitudeRate', 96), rate('结果满意率', 'resultRate', 96),
                { ...count('超期', 'overdue'), render: (n: number) => (n > 0 ? <span style={{ color: '#cf1322' }}>{n}</span> : 0) },
              ]}
            />
          </Card>
        </>
      )}
    </PageCard>
  );
}

function Figure({ title, value, suffix, note, loading }: { title: string; value?: number | string; suffix?: string; note?: string; loading: boolean }) {
  return (
    <Col xs={12} md={8} xl={4}>
      <Card size="small" loading={loading}>
        <Statistic title={title} value={value ?? 0} suffix={suffix} />
        {note && <div style={{ color: 'rgba(0,0,0,0.6)', fontSize: 12, marginTop: 4 }}>{note}</div>}
      </Card>
    </Col>
  );
}
