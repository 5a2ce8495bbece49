import { Link } from 'react-router';
import { Card, Empty, Input, List, Select, Space, Tag, Typography } from 'antd';
import { portalPaths } from '@shared/portal/paths';
import type { PortalList } from '@shared/portal/responses';
import { useGet } from '../../../app/query';
import { PageCard } from '../../../app/ui/PageCard';
import { useDocumentTitle } from '../../../app/ui/PageTitle';
import { usePortalQuery } from '../usePortalQuery';

const PAGE_SIZE = 20;

/**
 * 公开提案: a committee's published proposals with the units that handled them, searchable by
 * title, number or proposer and filterable by category. Everything is in the address
 * (?c=…&q=…&category=…&page=…), so a search can be shared as a link.
 */
export default function PortalProposalsPage() {
  const { committeeId, committees, page, get, change } = usePortalQuery();
  useDocumentTitle('公开提案与答复', '政协公开门户');
  const q = get('q');
  const category = get('category');
  const { data, isFetching: loading } = useGet<PortalList>(portalPaths.proposals, { committeeId, q, category, page, pageSize: PAGE_SIZE }, { enabled: !!committeeId, keepPrevious: true });

  return (
    <PageCard
      title="公开提案与答复"
      extra={
        <>
          <Select
            aria-label="政协"
            data-testid="portal-committee"
            style={{ minWidth: 180 }}
            value={committeeId}
            options={committees?.map((c) => ({ value: c.id, label: `${c.name}（${c.published}件）` }))}
            onChange={(c: string) => change({ c, category: undefined })}
          />
          <Select
            aria-label="类别"
            allowClear
            placeholder="全部类别"
            style={{ minWidth: 140 }}
            value={category}
            options={data?.categories.map((c) => ({ value: c, label: c }))}
            onChange={(c?: string) => change({ category: c })}
          />
          <Input.Search aria-label="搜索公开提案" data-testid="portal-search" allowClear placeholder="搜索案由、案号或提案人" defaultValue={q} style={{ width: 240 }} onSearch={(v) => change({ q: v.trim() || undefined })} />
        </>
      }
    >
      <List
        data-testid="portal-list"
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description={q || category ? '没有符合条件的公开提案' : '暂无公开的提案'} /> }}
        pagination={(data?.total ?? 0) > PAGE_SIZE ? { current: page, pageSize: PAGE_SIZE, total: data?.total, showSizeChanger: false, onChange: (p) => change({ page: String(p) }) } : false}
        renderItem={(p) => (
          <List.Item key={p.id}>
            <Card size="small" style={{ width: '100%' }}>
              <Link to={`/portal/proposals/${p.id}`} style={{ fontSize: 16 }}>
                {p.title}
              </Link>
              <div style={{ marginTop: 6 }}>
                <Space wrap size={[8, 4]}>
                  {p.numberText && <Typography.Text type="secondary">{p.numberText}</Typography.Text>}
                  <Typography.Text type="secondary">提案人：{p.proposer}</Typography.Text>
                  <Tag>{p.category}</Tag>
                  {p.units.length > 0 && <Typography.Text type="secondary">承办：{p.units.join('、')}</Typography.Text>}
                </Space>
              </div>
            </Card>
          </List.Item>
        )}
      />
    </PageCard>
  );
}
