import { Link, useParams } from 'react-router';
import { Card, Descriptions, List, Spin, Tag, Typography } from 'antd';
import { pathTo } from '@shared/http/paths';
import { consultationPaths } from '@shared/consultation/paths';
import type { PortalCouncil } from '@shared/consultation/council-responses';
import { PageHeading, useDocumentTitle } from '../../../app/ui/PageTitle';
import { PortalOutcome } from '../../portal/PortalOutcome';
import { usePublished } from '../../portal/usePublished';

/**
 * A published grassroots council: where and when it met, which parties sat at the table (counted,
 * never named), the result, and each agreed item with the unit responsible and whether it is done.
 */
export default function PortalCouncilPage() {
  const { id = '' } = useParams();
  const { data: c, loading } = usePublished<PortalCouncil>(pathTo(consultationPaths.portalCouncil, { id }));
  useDocumentTitle(c?.topic, '基层协商', '政协公开门户');
  if (loading) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (!c) return <PortalOutcome kind="missing" title="该协商成果未公示或不存在" extra={<Link to="/portal/councils">返回基层协商</Link>} />;
  return (
    <Card title={<PageHeading data-testid="portal-title">{c.topic}</PageHeading>} extra={<Tag>{c.statusLabel}</Tag>}>
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="组织单位">{c.organizer ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="议事地点">{c.place ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="议事日期">{c.day ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="参加各方">{c.parties.map((p) => `${p.label}${p.count}人`).join('、') || '—'}</Descriptions.Item>
        {c.publishedOn && <Descriptions.Item label="公示日期">{c.publishedOn}</Descriptions.Item>}
      </Descriptions>
      <Card size="small" title="协商结果" style={{ marginBottom: 12 }} data-testid="portal-council-result">
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{c.result}</Typography.Paragraph>
      </Card>
      <Typography.Title level={2} style={{ fontSize: 18 }}>议定事项落实情况</Typography.Title>
      <List
        dataSource={c.items}
        locale={{ emptyText: '暂无议定事项' }}
        renderItem={(i) => (
          <List.Item data-testid="portal-council-item">
            <div style={{ width: '100%' }}>
              <Tag color={i.status === 'done' ? 'green' : 'orange'}>{i.statusLabel}</Tag> <Typography.Text strong>{i.title}</Typography.Text>
              <div>责任单位：{i.responsible}{i.dueOn && ` · 完成时限：${i.dueOn}`}</div>
              {i.progress && <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>{i.progress}</Typography.Paragraph>}
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
