import { Card, Col, Row, Statistic, Table } from 'antd';
import type { SupervisionStats } from '@shared/supervision/responses';
import { PageHeading } from '../../app/ui/PageTitle';

/** The year's suggestions by state (adding up to the total) and by unit, with the share replied in time. */
export function StatsCard({ stats }: { stats: SupervisionStats }) {
  return (
    <Card title={<PageHeading level={2}>{stats.year}年监督建议统计</PageHeading>} data-testid="supervision-stats">
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={12} md={6}><Statistic title="监督建议" value={stats.total} suffix="件" /></Col>
        <Col xs={12} md={6}><Statistic title="送达单位" value={stats.units.sent} suffix="家次" /></Col>
        <Col xs={12} md={6}><Statistic title="已反馈" value={stats.units.replied} suffix="家次" /></Col>
        <Col xs={12} md={6}><Statistic title="按期反馈率" value={stats.inTimeRate === null ? '—' : `${Math.round(stats.inTimeRate * 100)}%`} data-testid="in-time-rate" /></Col>
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={8}>
          <Table size="small" pagination={false} rowKey="status" dataSource={stats.byState.filter((s) => s.count > 0)} columns={[{ title: '状态', dataIndex: 'label' }, { title: '件数', dataIndex: 'count' }]} />
        </Col>
        <Col xs={24} md={16}>
          <Table
            size="small"
            pagination={false}
            rowKey="unitId"
            scroll={{ x: 'max-content' }}
            dataSource={stats.byUnit}
            columns={[
              { title: '被监督单位', dataIndex: 'unitName' },
              { title: '送达', dataIndex: 'sent' },
              { title: '已反馈', dataIndex: 'replied' },
              { title: '按期反馈', dataIndex: 'inTime' },
              { title: '逾期未反馈', dataIndex: 'overdue' },
            ]}
          />
        </Col>
      </Row>
    </Card>
  );
}
