import { Link, useParams } from 'react-router';
import { Card, Spin, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { pathTo } from '@shared/http/paths';
import { newsPaths } from '@shared/news/paths';
import type { PortalNewsPost } from '@shared/news/responses';
import { downloadFile } from '../../../app/errors';
import { LinkButton } from '../../../app/ui/LinkButton';
import { PageHeading, useDocumentTitle } from '../../../app/ui/PageTitle';
import { PortalOutcome } from '../../portal/PortalOutcome';
import { usePublished } from '../../portal/usePublished';

/** One published post in full: its paragraphs as written (text only, never markup) and its files. */
export default function PortalNewsPostPage() {
  const { id } = useParams();
  const { data: p, loading } = usePublished<PortalNewsPost>(pathTo(newsPaths.portalPost, { id: id ?? '' }));
  useDocumentTitle(p?.title, p?.kindLabel, '政协公开门户');
  if (loading) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (!p) return <PortalOutcome kind="missing" title="该内容未发布或已撤回" extra={<Link to="/portal/news">返回新闻公告</Link>} />;

  return (
    <Card title={<PageHeading data-testid="portal-news-title" style={{ whiteSpace: 'normal' }}>{p.title}</PageHeading>} extra={<Link to={`/portal/news?c=${p.committee.id}&kind=${p.kind}`}>返回{p.kindLabel}</Link>}>
      <Typography.Paragraph type="secondary">{p.committee.name} · {p.kindLabel} · {p.publishedAt.slice(0, 10)}</Typography.Paragraph>
      <article data-testid="portal-news-body">
        {p.body.split(/\n\s*\n/).map((para, i) => (
          <Typography.Paragraph key={i} style={{ whiteSpace: 'pre-wrap', fontSize: 15, lineHeight: 1.9 }}>{para}</Typography.Paragraph>
        ))}
      </article>
      {p.attachments.length > 0 && (
        <section aria-label="附件" data-testid="portal-news-files">
          <Typography.Title level={2} style={{ fontSize: 16 }}>附件</Typography.Title>
          {p.attachments.map((a) => (
            <div key={a.id}>
              <LinkButton icon={<PaperClipOutlined />} style={{ whiteSpace: 'normal', textAlign: 'start' }} onClick={() => void downloadFile(pathTo(newsPaths.portalAttachment, { id: p.id, attachmentId: a.id }), a.filename)}>{a.filename}</LinkButton>
            </div>
          ))}
        </section>
      )}
    </Card>
  );
}
