import { Link } from 'react-router';
import { Card, Empty, Input, List, Select, Space, Tag, Typography } from 'antd';
import { portalPaths } from '@shared/portal/paths';
import type { PortalSearchResult } from '@shared/portal/responses';
import { useGet } from '../../../app/query';
import { PageCard } from '../../../app/ui/PageCard';
import { useDocumentTitle } from '../../../app/ui/PageTitle';
import { usePortalQuery } from '../usePortalQuery';

const PAGE_SIZE = 10;

/** The narrowing selects: the query key, its name, and the facet whose values it offers. */
const NARROWING = [
  ['year', '年度', 'years'],
  ['category', '类别', 'categories'],
  ['unit', '承办单位', 'units'],
  ['sector', '界别', 'sectors'],
] as const;

/**
 * 公开门户搜索: what the committee published — proposals with their replies, news and notices —
 * found by words (segmented as the similar-proposals finder segments them), then narrowed by kind,
 * year, category, unit and sector; each choice says how many it keeps. Everything is in the
 * address (?c=…&q=…&kind=…), so a search can be shared as a link.
 */
export default function PortalSearchPage() {
  const { committeeId, committees, page, get, change } = usePortalQuery();
  const q = get('q');
  useDocumentTitle(q ? `搜索“${q}”` : '搜索', '政协公开门户');
  const narrowing = Object.fromEntries(['kind', ...NARROWING.map(([key]) => key)].map((k) => [k, get(k)]));
  const { data, isFetching: loading } = useGet<PortalSearchResult>(portalPaths.search, { committeeId, q, ...narrowing, page, pageSize: PAGE_SIZE }, { enabled: !!committeeId && !!q, keepPrevious: true });
  const kind = get('kind');

  return (
    <PageCard title="搜索公开内容">
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Space wrap>
          <Select
            aria-label="政协"
            style={{ minWidth: 180 }}
            value={committeeId}
            options={committees?.map((c) => ({ value: c.id, label: c.name }))}
            onChange={(c: string) => change({ c, kind: undefined, year: undefined, category: undefined, unit: undefined, sector: undefined })}
          />
          <Input.Search
            aria-label="搜索内容"
            data-testid="portal-site-search"
            allowClear
            enterButton="搜索"
            placeholder="输入关键词，如：停车、养老、学校"
            defaultValue={q}
            maxLength={50}
            style={{ width: 'min(360px, 100%)' }}
            onSearch={(v) => change({ q: v.trim() || undefined })}
          />
        </Space>
        {data && (
          <Space wrap>
            <Select
              aria-label="类型"
              data-testid="portal-search-kind"
              allowClear
              placeholder="全部类型"
              style={{ minWidth: 130 }}
              value={kind}
              options={data.facets.kinds.map((k) => ({ value: k.value, label: `${k.label}（${k.count}）` }))}
              onChange={(v?: string) => change({ kind: v })}
            />
            {NARROWING.map(([key, label, facet]) =>
              data.facets[facet].length > 0 || narrowing[key] ? (
                <Select
                  key={key}
                  aria-label={label}
                  allowClear
                  placeholder={`全部${label}`}
                  style={{ minWidth: 130 }}
                  value={narrowing[key]}
                  options={data.facets[facet].map((f) => ({ value: f.value, label: `${f.value}（${f.count}）` }))}
                  onChange={(v?: string) => change({ [key]: v })}
                />
              ) : null,
            )}
          </Space>
        )}
        {!q ? (
          <Empty description="输入关键词，搜索本会公开的提案与答复、新闻和通知公告、基层协商成果" />
        ) : (
          <List
            data-testid="portal-search-results"
            loading={loading}
            header={data ? <Typography.Text type="secondary">找到 {data.total} 条</Typography.Text> : null}
            dataSource={data?.items ?? []}
            locale={{ emptyText: <Empty description="没有找到相关的公开内容，换个关键词试试" /> }}
            pagination={(data?.total ?? 0) > PAGE_SIZE ? { current: page, pageSize: PAGE_SIZE, total: data?.total, showSizeChanger: false, onChange: (p) => change({ page: String(p) }) } : false}
            renderItem={(item) => (
              <List.Item key={`${item.kind}-${item.id}`}>
                <Card size="small" style={{ width: '100%' }}>
                  <Space wrap size={[8, 4]}>
                    <Tag color="red">{item.kindLabel}</Tag>
                    <Link to={item.href} style={{ fontSize: 16 }}>
                      {item.title}
                    </Link>
                  </Space>
                  <Typography.Paragraph style={{ margin: '6px 0' }}>{item.excerpt}</Typography.Paragraph>
                  <Space wrap size={[8, 4]}>
                    {item.date && <Typography.Text type="secondary">{item.date}</Typography.Text>}
                    {item.category && <Tag>{item.category}</Tag>}
                    {item.units.length > 0 && <Typography.Text type="secondary">承办：{item.units.join('、')}</Typography.Text>}
                    {item.sector && <Typography.Text type="secondary">界别：{item.sector}</Typography.Text>}
                  </Space>
                </Card>
              </List.Item>
            )}
          />
        )}
      </Space>
    </PageCard>
  );
}
