import { Link, useNavigate, useSearchParams } from 'react-router';
import { Card, Col, Empty, List, Row, Select, Space, Typography } from 'antd';
import { portalPaths } from '@shared/portal/paths';
import type { PortalHome as Home, PortalSection } from '@shared/portal/responses';
import { useGet } from '../../../app/query';
import { PageCard } from '../../../app/ui/PageCard';
import { useDocumentTitle } from '../../../app/ui/PageTitle';
import { usePortalCommittee } from '../useCommittee';
import type { PortalCommittees } from '@shared/portal/responses';

/**
 * 政协公开门户首页: one committee's public face — each module's section of what staff published
 * (proposals with their replies, the year's consultation plan, livelihood requests handled, the
 * evaluation of departments, the members' studios). The committee is in the address (?c=…).
 */
export default function PortalHome() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const { id: committeeId } = usePortalCommittee();
  const { data: committees } = useGet<PortalCommittees>(portalPaths.committees);
  const { data, isFetching } = useGet<Home>(portalPaths.home, { committeeId }, { enabled: !!committeeId, keepPrevious: true });
  useDocumentTitle(data?.committee.name, '政协公开门户');
  const choose = (c: string) => {
    const next = new URLSearchParams(params);
    next.set('c', c);
    setParams(next);
  };
  return (
    <PageCard
      title={data ? `${data.committee.name}公开门户` : '政协公开门户'}
      extra={<Select aria-label="政协" data-testid="portal-home-committee" style={{ minWidth: 180 }} value={committeeId} options={committees?.items.map((c) => ({ value: c.id, label: c.name }))} onChange={choose} />}
    >
      {/* a plain form, not antd's Input: the home stays within the portal's script budget (bench/delivery.ts) */}
      <form
        role="search" data-testid="portal-home-search" style={{ display: 'flex', gap: 8, marginBottom: 12, maxWidth: 480 }}
        onSubmit={(e) => {
          e.preventDefault();
          const q = String(new FormData(e.currentTarget).get('q') ?? '').trim();
          // before the committees have arrived the search page chooses the committee as this page does:
          // a query typed at once is never dropped
          if (q) navigate(`/portal/search?${committeeId ? `c=${committeeId}&` : ''}q=${encodeURIComponent(q)}`);
        }}
      >
        <input
          type="search" name="q" aria-label="搜索公开内容" maxLength={50} placeholder="搜索公开的提案、新闻公告、基层协商"
          style={{ flex: 1, minWidth: 0, height: 36, padding: '0 11px', fontSize: 15, border: '1px solid #8c8c8c', borderRadius: 6 }}
        />
        <button type="submit" style={{ height: 36, padding: '0 16px', fontSize: 15, color: '#fff', background: '#a8071a', border: 'none', borderRadius: 6, cursor: 'pointer' }}>
          搜索
        </button>
      </form>
      <Row gutter={[12, 12]} data-testid="portal-home">
        {(data?.sections ?? []).map((s) => (
          <Col key={s.key} xs={24} md={12}>
            <Section section={s} loading={isFetching} />
          </Col>
        ))}
      </Row>
    </PageCard>
  );
}

function Section({ section: s, loading }: { section: PortalSection; loading: boolean }) {
  const heading = `portal-section-${s.key}`;
  return (
    <Card
      size="small" style={{ height: '100%' }} data-testid={heading} aria-labelledby={heading + '-title'}
      title={<Typography.Title level={2} id={heading + '-title'} style={{ fontSize: 17, margin: 0, whiteSpace: 'normal' }}>{s.title}</Typography.Title>}
    >
      <List
        size="small" loading={loading} dataSource={s.items}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={s.emptyText} /> }}
        renderItem={(e) => (
          <List.Item style={{ display: 'block', paddingInline: 0 }}>
            {e.href ? <Link to={e.href}>{e.title}</Link> : <Typography.Text>{e.title}</Typography.Text>}
            {e.meta.length > 0 && (
              <div>
                <Space wrap size={[8, 0]}>
                  {e.meta.map((m, i) => <Typography.Text key={i} type="secondary">{m}</Typography.Text>)}
                </Space>
              </div>
            )}
          </List.Item>
        )}
      />
      {s.more && <Link to={s.more.href} style={{ display: 'inline-block', marginTop: 8 }}>{s.more.label} ›</Link>}
    </Card>
  );
}
