import { Card, Col, Progress, Row } from 'antd';
import { api, query } from '../../app/api';
import { useRemote } from '../../app/useRemote';

interface Quota {
  key: string;
  label: string;
  have: number;
  need: number;
  met: boolean;
}

const shown = ['contact', 'deed', 'council'];

/** How far the member is with the outreach part of the yearly minimum (from 我的履职, the same numbers). */
export function QuotaStrip({ year, version }: { year: number; version: number }) {
  const { data } = useRemote(() => api.get<{ quotas: Quota[] }>(`/performance/me${query({ year })}`), [year, version]);
  const quotas = (data?.quotas ?? []).filter((q) => shown.includes(q.key));
  if (quotas.length === 0) return null;
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="outreach-quotas">
      <Row gutter={[16, 8]}>
        {quotas.map((q) => (
          <Col key={q.key} xs={24} md={8}>
            <div data-testid={`outreach-quota-${q.key}`}>{q.label}：{q.have} / {q.need}</div>
            <Progress percent={Math.min(100, Math.round((q.have / q.need) * 100))} status={q.met ? 'success' : 'active'} size="small" />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
