import { Link } from 'react-router';
import { Card, Col, Empty, Row, Spin, Typography } from 'antd';
import { studioPaths } from '@shared/studios/paths';
import type { PortalStudioList } from '@shared/studios/responses';
import { useGet } from '../../../app/query';
import { PageCard } from '../../../app/ui/PageCard';
import { useDocumentTitle } from '../../../app/ui/PageTitle';
import { usePortalCommittee } from '../../portal/useCommittee';

/** 委员工作室: a committee's open studios — kind, place, opening hours, members — each opening its page. */
export default function PortalStudiosPage() {
  const { id: committeeId } = usePortalCommittee();
  const { data, isPending } = useGet<PortalStudioList>(studioPaths.portalList, { committeeId }, { enabled: !!committeeId });
  useDocumentTitle('委员工作室', data?.committee.name, '政协公开门户');
  return (
    <PageCard title={data ? `${data.committee.name}委员工作室` : '委员工作室'}>
      <Typography.Paragraph>委员工作室是委员联系群众的窗口：可以到工作室当面反映，也可以在工作室页面线上咨询。</Typography.Paragraph>
      {isPending && !!committeeId ? (
        <Spin style={{ display: 'block', margin: '40px auto' }} />
      ) : !data?.items.length ? (
        <Empty description="暂无委员工作室" />
      ) : (
        <Row gutter={[12, 12]} data-testid="portal-studios">
          {data.items.map((s) => (
            <Col key={s.id} xs={24} md={12}>
              <Card size="small" style={{ height: '100%' }}>
                <Typography.Title level={2} style={{ fontSize: 17, margin: '0 0 6px' }}>
                  <Link to={`/portal/studios/${s.id}`} data-testid="portal-studio-link">{s.name}</Link>
                </Typography.Title>
                <Typography.Text type="secondary">{[s.kindLabel && `${s.kindLabel}工作室`, `委员${s.memberCount}名`].filter(Boolean).join(' · ')}</Typography.Text>
                {s.place && <div>地点：{s.place}</div>}
                {s.openingHours && <div>开放时间：{s.openingHours}</div>}
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </PageCard>
  );
}
