import { useState } from 'react';
import { Button, Card, Empty, Flex, List, Segmented, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { pathTo } from '@shared/http/paths';
import { newsPaths } from '@shared/news/paths';
import type { NewsList, NewsPost } from '@shared/news/responses';
import { api } from '../../../app/api';
import { run } from '../../../app/errors';
import { formatTime } from '../../../app/forms';
import { useGet } from '../../../app/query';
import { LinkButton } from '../../../app/ui/LinkButton';
import { PageCard } from '../../../app/ui/PageCard';
import { NewsEditor } from '../NewsEditor';

const PAGE_SIZE = 20;
const statusColor: Record<string, string> = { draft: 'default', published: 'green', withdrawn: 'orange' };

/** 新闻公告: the office's posts as cards (drafts first), written, published and withdrawn here. */
export default function NewsPage() {
  const [kind, setKind] = useState<'all' | 'notice' | 'news'>('all');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<NewsPost | null | undefined>(undefined);
  const { data, isFetching: loading } = useGet<NewsList>(newsPaths.list, { kind: kind === 'all' ? undefined : kind, page, pageSize: PAGE_SIZE }, { keepPrevious: true });
  const open = async (id: string) => setEditing(await api.get<NewsPost>(pathTo(newsPaths.post, { id })));
  const act = (p: { id: string; version: number }, action: 'publish' | 'withdraw') =>
    run(() => api.post(pathTo(action === 'publish' ? newsPaths.publish : newsPaths.withdraw, { id: p.id }), { version: p.version }), { success: action === 'publish' ? '已发布到门户' : '已从门户撤回' });

  return (
    <PageCard
      title="新闻公告"
      extra={data?.actions.includes('create') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="news-write">撰写</Button>}
    >
      <Segmented
        value={kind} style={{ marginBottom: 12 }} aria-label="栏目"
        onChange={(k) => { setKind(k as typeof kind); setPage(1); }}
        options={[{ value: 'all', label: '全部' }, { value: 'notice', label: '通知公告' }, { value: 'news', label: '新闻动态' }]}
      />
      <List
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description="还没有新闻公告" /> }}
        pagination={(data?.total ?? 0) > PAGE_SIZE ? { current: page, pageSize: PAGE_SIZE, total: data?.total, showSizeChanger: false, onChange: setPage } : false}
        renderItem={(p) => (
          <List.Item key={p.id}>
            <Card size="small" style={{ width: '100%' }} data-testid="news-card">
              <Flex justify="space-between" gap={8} wrap>
                <Typography.Text strong style={{ fontSize: 15 }}>{p.title}</Typography.Text>
                <span><Tag>{p.kindLabel}</Tag><Tag color={statusColor[p.status]}>{p.statusLabel}</Tag></span>
              </Flex>
              {p.summary && <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0' }}>{p.summary}</Typography.Paragraph>}
              <Flex justify="space-between" gap={8} wrap style={{ marginTop: 8 }}>
                <Typography.Text type="secondary">{p.publishedAt ? `${formatTime(p.publishedAt)} 由 ${p.publishedByName} 发布` : `更新于 ${formatTime(p.updatedAt)}`}</Typography.Text>
                <Flex gap={12} wrap>
                  {p.actions.includes('update') && <LinkButton icon={<EditOutlined />} onClick={() => void open(p.id)} aria-label={`修改《${p.title}》`}>修改</LinkButton>}
                  {p.actions.includes('publish') && <LinkButton onClick={() => void act(p, 'publish')} data-testid="news-publish">发布</LinkButton>}
                  {p.actions.includes('withdraw') && <LinkButton danger onClick={() => void act(p, 'withdraw')} data-testid="news-withdraw">撤回</LinkButton>}
                  {p.status === 'published' && <a href={`/portal/news/${p.id}`} target="_blank" rel="noreferrer">在门户查看</a>}
                </Flex>
              </Flex>
            </Card>
          </List.Item>
        )}
      />
      <NewsEditor open={editing !== undefined} post={editing ?? null} onClose={() => setEditing(undefined)} onSaved={() => setEditing(undefined)} />
    </PageCard>
  );
}
