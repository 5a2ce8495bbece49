import { Link, useSearchParams } from 'react-router';
import { Card, Empty, Flex, List, Segmented, Tag, Typography } from 'antd';
import { requestScopes } from '@shared/requests/labels';
import { requestPaths } from '@shared/requests/paths';
import type { RequestList } from '@shared/requests/responses';
import { useGet } from '../../../app/query';
import { PageCard } from '../../../app/ui/PageCard';
import { stateColors } from '../states';

/**
 * 民生诉求: staff see what waits for routing, what is with members, what is finished; a member sees
 * those in their charge and their studio's — as cards, which read on a phone as on a desk.
 */
export default function RequestsPage() {
  const [params, setParams] = useSearchParams();
  const scope = params.get('scope') ?? undefined;
  const { data, isPending } = useGet<RequestList>(requestPaths.list, { scope }, { keepPrevious: true });
  // the server says which lists this person has: staff by stage, a member only theirs
  const scopes = (data?.scopes ?? []) as (keyof typeof requestScopes)[];
  const staff = scopes.length > 1;
  return (
    <PageCard
      title={staff ? '民生诉求' : '我承办的民生诉求'}
      extra={staff && <Segmented aria-label="范围" value={scope ?? scopes[0]} options={scopes.map((s) => ({ value: s, label: requestScopes[s] }))} onChange={(v) => setParams({ scope: String(v) })} />}
    >
      <List
        loading={isPending}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description="暂无民生诉求" /> }}
        renderItem={(r) => (
          <List.Item key={r.id}>
            <Card size="small" style={{ width: '100%' }}>
              <Flex justify="space-between" align="start" gap={8}>
                <Link to={`/requests/${r.id}`} style={{ fontSize: 16 }} data-testid="request-link">
                  {r.category} · {r.place}
                </Link>
                <Tag color={stateColors[r.status]}>{r.statusLabel}</Tag>
              </Flex>
              <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: '6px 0' }}>{r.body}</Typography.Paragraph>
              <Typography.Text type="secondary">
                {r.receivedOn} 受理 · 回执码 {r.code}{r.handler ? ` · 承办：${r.handler}` : ''}{r.published ? ' · 已公开' : ''}
              </Typography.Text>
            </Card>
          </List.Item>
        )}
      />
    </PageCard>
  );
}
