import { Card, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { api } from '../../../app/api';
import { useMe } from '../../../app/auth';
import { useRemote } from '../../../app/useRemote';
import { roleText } from '../../../app/UserMenu';
import { pagesFor } from '../../../app/navigation';

interface DashboardCard {
  key: string;
  label: string;
  value: number;
}

/** Where a card leads when clicked (only cards with a page the user has). */
const cardLinks: Record<string, string> = { unread: '/messages', members: '/members', sectors: '/org/sectors', specialCommittees: '/org/special-committees', units: '/org/units' };

const greeting = () => {
  const h = new Date().getHours();
  return h < 11 ? '上午好' : h < 13 ? '中午好' : h < 18 ? '下午好' : '晚上好';
};

/** 首页: who you are, and the figures each module contributes for your roles. */
export default function HomePage() {
  const me = useMe();
  const navigate = useNavigate();
  const reachable = new Set(pagesFor(me).map((p) => p.path));
  const { data, loading } = useRemote(() => api.get<{ cards: DashboardCard[] }>('/dashboard'), []);

  return (
    <>
      <Card style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {me.displayName}，{greeting()}！
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {me.committee.name} · {roleText(me)}
        </Typography.Paragraph>
      </Card>
      {loading && !data ? (
        <Skeleton active />
      ) : (
        <Row gutter={[16, 16]}>
          {(data?.cards ?? []).map((c) => {
            const link = reachable.has(cardLinks[c.key]) ? cardLinks[c.key] : undefined;
            return (
              <Col key={c.key} xs={12} sm={8} lg={6}>
                <Card hoverable={!!link} onClick={link ? () => navigate(link) : undefined} data-testid={`card-${c.key}`}>
                  <Statistic title={c.label} value={c.value} />
                </Card>
              </Col>
            );
          })}
        </Row>
      )}
    </>
  );
}
