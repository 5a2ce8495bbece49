import { Card, Col, Row } from 'antd';
import { QuotaProgress } from '../../app/ui/QuotaProgress';
import { performancePaths } from '@shared/performance/paths';
import type { PerformanceRecord } from '@shared/performance/responses';
import { useGet } from '../../app/query';

const shown = ['contact', 'deed', 'council'];

/** How far the member is with the outreach part of the yearly minimum (from 我的履职, the same numbers; refetched after every change). */
export function QuotaStrip({ year }: { year: number }) {
  const { data } = useGet<PerformanceRecord>(performancePaths.me, { year });
  const quotas = (data?.quotas ?? []).filter((q) => shown.includes(q.key));
  if (quotas.length === 0) return null;
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="outreach-quotas">
      <Row gutter={[16, 8]}>
        {quotas.map((q) => (
          <Col key={q.key} xs={24} md={8}>
            <QuotaProgress label={q.label} have={q.have} need={q.need} met={q.met} testId={`outreach-quota-${q.key}`} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
