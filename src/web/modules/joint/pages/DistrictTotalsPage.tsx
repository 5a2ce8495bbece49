import { useState } from 'react';
import { Card, Col, Empty, Row, Select, Skeleton, Statistic } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { jointPaths } from '@shared/joint/paths';
import type { DistrictFigure, DistrictTotalsAnswer } from '@shared/joint/responses';
import { PageCard } from '../../../app/ui/PageCard';
import { useGet } from '../../../app/query';

/** A figure; a rate shows what it is made of. */
function Figure({ f }: { f: DistrictFigure }) {
  const statistic = <Statistic title={f.label} value={f.value} suffix={f.unit} />;
  if (!f.parts) return statistic;
  const parts = f.parts.map((p) => `${p.label}${p.value}`).join('，');
  return <div>{statistic}<div style={{ fontSize: 12, color: '#595959' }}>{parts}</div></div>;
}

/**
 * 各区履职统计: each district's totals of the year — proposals received, filed, replied, satisfaction,
 * 社情民意 adopted, attendance — sums only; each district opens what it sent up to this committee.
 */
export default function DistrictTotalsPage() {
  const [year, setYear] = useState(dayjs().year());
  const { data, isPending } = useGet<DistrictTotalsAnswer>(jointPaths.totals, { year });
  const rows = data ? [...data.districts.map((d) => ({ ...d, key: d.committeeId })), ...(data.total ? [{ ...data.total, key: 'total', committeeId: null }] : [])] : [];
  return (
    <PageCard title="各区履职统计" extra={<Select aria-label="年度" value={year} onChange={setYear} options={[0, 1, 2, 3].map((d) => ({ value: dayjs().year() - d, label: `${dayjs().year() - d}年` }))} style={{ width: 100 }} />}>
      {isPending && !data ? <Skeleton active /> : rows.length === 0 ? <Empty description="本会没有下级政协" /> : (
        <Row gutter={[12, 12]}>
          {rows.map((d) => (
            <Col key={d.key} xs={24} lg={12}>
              <Card
                size="small"
                title={<h2 style={{ fontSize: 15, margin: 0 }}>{d.name}</h2>}
                extra={d.committeeId && <Link to={`/joint/districts/${d.committeeId}`} aria-label={`${d.name}报送的信息`}>报送的信息</Link>}
                data-testid={`district-${d.name}`}
              >
                <Row gutter={[8, 8]}>
                  {d.figures.map((f) => <Col key={f.key} xs={12} md={8}><Figure f={f} /></Col>)}
                </Row>
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </PageCard>
  );
}
