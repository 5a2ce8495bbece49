import { Link } from 'react-router';
import { Card, Empty, List, Segmented, Typography } from 'antd';
import { newsPaths } from '@shared/news/paths';
import type { PortalNewsList } from '@shared/news/responses';
import { useGet } from '../../../app/query';
import { PageCard } from '../../../app/ui/PageCard';
import { useDocumentTitle } from '../../../app/ui/PageTitle';
import { usePortalQuery } from '../../portal/usePortalQuery';

const PAGE_SIZE = 20;
const titles = { notice: '通知公告', news: '新闻动态' } as const;

/** 新闻动态 / 通知公告 on the portal: a committee's published posts, newest first; the address holds the column and page, so it can be shared. */
export default function PortalNewsPage() {
  const { committeeId, page, get, change } = usePortalQuery();
  const kind = get('kind') as keyof typeof titles | undefined;
  const { data, isFetching: loading } = useGet<PortalNewsList>(newsPaths.portalList, { committeeId, kind, page, pageSize: PAGE_SIZE }, { enabled: !!committeeId, keepPrevious: true });
  const title = kind ? titles[kind] : '新闻公告';
  useDocumentTitle(title, '政协公开门户');

  return (
    <PageCard title={data ? `${data.committee.name} · ${title}` : title}>
      <Segmented
        aria-label="栏目" style={{ marginBottom: 12 }} value={kind ?? 'all'}
        onChange={(k) => change({ kind: k === 'all' ? undefined : String(k) })}
        options={[{ value: 'all', label: '全部' }, { value: 'notice', label: '通知公告' }, { value: 'news', label: '新闻动态' }]}
      />
      <List
        data-testid="portal-news"
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description={`暂无${title}`} /> }}
        pagination={(data?.total ?? 0) > PAGE_SIZE ? { current: page, pageSize: PAGE_SIZE, total: data?.total, showSizeChanger: false, onChange: (p) => change({ page: String(p) }) } : false}
        renderItem={(p) => (
          <List.Item key={p.id}>
            <Card size="small" style={{ width: '100%' }}>
              <Link to={`/portal/news/${p.id}`} style={{ fontSize: 16 }}>{p.title}</Link>
              <div style={{ marginTop: 6 }}>
                <Typography.Text type="secondary">{p.kindLabel} · {p.publishedAt.slice(0, 10)}</Typography.Text>
              </div>
              {p.summary && <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0' }}>{p.summary}</Typography.Paragraph>}
            </Card>
          </List.Item>
        )}
      />
    </PageCard>
  );
}
