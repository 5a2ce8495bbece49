import { Link, useParams } from 'react-router';
import { Card, Descriptions, Spin, Tag, Typography } from 'antd';
import { pathTo } from '@shared/http/paths';
import { portalPaths } from '@shared/portal/paths';
import type { PortalProposal } from '@shared/portal/responses';
import { PageHeading, useDocumentTitle } from '../../../app/ui/PageTitle';
import { PortalOutcome } from '../PortalOutcome';
import { usePublished } from '../usePublished';

const section = (title: string, text: string) =>
  text ? (
    <section key={title} style={{ marginBottom: 16 }}>
      <Typography.Title level={2} style={{ fontSize: 16 }}>{title}</Typography.Title>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{text}</Typography.Paragraph>
    </section>
  ) : null;

/** One published proposal: its text, proposers, handling units and the replies disclosed. */
export default function PortalProposalPage() {
  const { id } = useParams();
  const { data: p, loading } = usePublished<PortalProposal>(pathTo(portalPaths.proposal, { id: id ?? '' }));
  useDocumentTitle(p?.title, '公开提案', '政协公开门户');
  if (loading) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (!p) return <PortalOutcome kind="missing" title="该提案未公开或不存在" extra={<Link to="/portal/proposals">返回公开提案</Link>} />;

  return (
    <Card title={<PageHeading data-testid="portal-title">{p.title}</PageHeading>} extra={<Link to={`/portal?c=${p.committee.id}`}>返回列表</Link>}>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="政协">{p.committee.name}</Descriptions.Item>
        <Descriptions.Item label="案号">{p.numberText ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="提案人">{p.cosigners.length ? `${p.proposer}（联名：${p.cosigners.join('、')}）` : p.proposer}</Descriptions.Item>
        <Descriptions.Item label="类别"><Tag>{p.category}</Tag></Descriptions.Item>
        <Descriptions.Item label="承办单位">{p.units.map((u) => `${u.name}（${u.roleLabel}）`).join('、') || '—'}</Descriptions.Item>
        <Descriptions.Item label="公开日期">{p.publishedAt?.slice(0, 10) ?? '—'}</Descriptions.Item>
      </Descriptions>
      {section('情况', p.background)}
      {section('分析', p.analysis)}
      {section('建议', p.suggestions)}
      <Typography.Title level={2} style={{ fontSize: 18 }}>办理答复</Typography.Title>
      <div data-testid="portal-replies">
        {p.replies.length === 0 && <Typography.Text type="secondary">答复未公开</Typography.Text>}
        {p.replies.map((r, i) => (
          <Card key={i} size="small" type="inner" style={{ marginBottom: 12 }} title={`${r.unit}${r.round > 1 ? '（二次办理）' : ''}`} extra={<Tag color="blue">{r.answerClass}类</Tag>}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{r.body}</Typography.Paragraph>
            <Typography.Text type="secondary">
              {r.signedBy ? `签发人：${r.signedBy} · ` : ''}
              {r.sentAt?.slice(0, 10)}
            </Typography.Text>
          </Card>
        ))}
      </div>
    </Card>
  );
}
