import { Alert, Button, Card, Col, Descriptions, Flex, Row, Statistic, Table, Tag, Typography } from 'antd';
import { QuotaProgress } from '../../app/ui/QuotaProgress';
import { DownloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { downloadFile } from '../../app/errors';
import { pathTo, queryString } from '@shared/http/paths';
import { performancePaths } from '@shared/performance/paths';
import type { PerformanceRecord, RecordEntry } from '@shared/performance/responses';

/**
 * One member's record for a year: the score and grade, each category and item, what the yearly
 * minimum still lacks, and every entry with the points it earned and a link to the record behind it.
 */
export function RecordView({ record: r, loading }: { record: PerformanceRecord; loading: boolean }) {
  const download = (format: 'docx' | 'pdf') =>
    downloadFile(`${pathTo(performancePaths.report, { memberId: r.member.id })}${queryString({ year: r.year, format })}`, `${r.member.name}-${r.year}年度履职报告.${format}`);
  return (
    <Flex vertical gap={16}>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={6}>
          <Card>
            <Statistic title={`${r.year}年度履职得分`} value={r.total} suffix="分" valueStyle={{ fontSize: 36 }} />
            <span data-testid="performance-total" hidden>{r.total}</span>
            {r.grade && <Tag color={r.grade.commend ? 'green' : r.grade.talk ? 'red' : 'blue'} style={{ marginTop: 8 }}>{r.grade.label}</Tag>}
            {r.base > 0 && <Typography.Text type="secondary">含基础分 {r.base}</Typography.Text>}
          </Card>
        </Col>
        <Col xs={24} md={18}>
          <Card
            title="年度基本要求"
            extra={
              <Flex gap={8}>
                <Button icon={<DownloadOutlined />} onClick={() => void download('docx')} data-testid="performance-report">年度履职报告</Button>
                <Button icon={<DownloadOutlined />} onClick={() => void download('pdf')} data-testid="performance-report-pdf">PDF</Button>
              </Flex>
            }
            data-testid="performance-quotas"
          >
            {r.quotas.length === 0 && <Typography.Text type="secondary">本考核办法未设年度基本要求。</Typography.Text>}
            {r.lacking.length > 0 && (
              <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="performance-lacking" message={`本年度尚需：${r.lacking.map((q) => `${q.label}${q.need - q.have}项`).join('，')}`} />
            )}
            <Row gutter={[16, 8]}>
              {r.quotas.map((q) => (
                <Col key={q.key} xs={24} md={12}>
                  <QuotaProgress label={q.label} have={q.have} need={q.need} met={q.met} />
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
      </Row>
      {r.sanctions.length > 0 && (
        <Alert type="error" showIcon message="提示" description={r.sanctions.map((s) => `${s.label}：已${s.count}次${s.action === 'resign' ? '（按规定应劝其辞去委员）' : '（应约谈）'}`).join('；')} />
      )}
      <Card title="得分构成" size="small">
        <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 8 }}>
          <Descriptions.Item label="考核办法">{r.rulesName}</Descriptions.Item>
          <Descriptions.Item label="依据">{r.rulesSource || '—'}</Descriptions.Item>
          <Descriptions.Item label="委员">{r.member.name}（{r.member.code}） {r.member.positionLabel} {r.member.sectorName ?? ''}</Descriptions.Item>
        </Descriptions>
        {r.categories.length > 0 && (
          <Flex gap={16} wrap style={{ marginBottom: 8 }}>
            {r.categories.map((c) => <Tag key={c.key}>{c.label}{c.tier ? `（${c.tier}）` : ''}：{c.points} 分{c.capped ? '（已达上限）' : ''}</Tag>)}
          </Flex>
        )}
        <Table
          rowKey="key" size="small" pagination={false} dataSource={r.items}
          locale={{ emptyText: '本年度尚无计分事项' }}
          columns={[
            { title: '计分项目', dataIndex: 'label' },
            { title: '数量', dataIndex: 'units', width: 80 },
            { title: '得分', dataIndex: 'points', width: 80 },
            { title: '', dataIndex: 'capped', width: 100, render: (v) => (v ? <Tag>已达上限</Tag> : null) },
          ]}
        />
      </Card>
      <Card title={`履职记录（${r.entries.length}）`} size="small">
        <Table<RecordEntry>
          rowKey="id" size="small" loading={loading} dataSource={r.entries} pagination={{ pageSize: 30, hideOnSinglePage: true }} scroll={{ x: 800 }}
          columns={[
            { title: '日期', dataIndex: 'day', width: 110 },
            { title: '事项', dataIndex: 'kindLabel', render: (v, e) => (e.link ? <Link to={e.link} data-testid="entry-link">{v}</Link> : <span title="无权查看来源记录">{v}</span>) },
            { title: '角色', dataIndex: 'part', width: 90, render: (v) => (v === 'lead' ? '本人/主笔' : '参与') },
            { title: '得分', dataIndex: 'points', width: 80, render: (v) => <strong data-testid="entry-points">{v > 0 ? `+${v}` : v}</strong> },
            { title: '计入', dataIndex: 'items', render: (v: string[]) => v.join('、') },
            { title: '说明', key: 'why', render: (_v, e) => [e.note, e.reason].filter(Boolean).join('；') },
          ]}
        />
      </Card>
    </Flex>
  );
}
