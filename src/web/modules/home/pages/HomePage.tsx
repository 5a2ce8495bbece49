import { Button, Card, Col, Empty, Flex, Row, Skeleton, Typography } from 'antd';
import { ScanOutlined } from '@ant-design/icons';
import { Link, matchPath } from 'react-router';
import { cardSections, homePaths, type CardSection, type HomeCard } from '@shared/home/cards';
import { useMe } from '../../../app/auth';
import { useGet } from '../../../app/query';
import { roleText } from '../../../app/UserMenu';
import { pagesFor } from '../../../app/navigation';
import { FigureCard } from '../components/FigureCard';

const greeting = () => {
  const h = new Date().getHours();
  return h < 11 ? '上午好' : h < 13 ? '中午好' : h < 18 ? '下午好' : '晚上好';
};

/** Figures with parts (lists of meetings, states, types) take a wider column than a single count. */
const span = (c: HomeCard) => (c.parts ? { xs: 24, sm: 12, lg: 8 } : { xs: 12, sm: 8, lg: 6 });

/**
 * 首页 by role: what needs me now, my year against the quotas, how my items go (members, phone
 * first); a unit's deadlines by type; staff's office queues; the committee at a glance. Every figure
 * comes from a module's cards (GET /api/dashboard) and opens the list it counts.
 */
export default function HomePage() {
  const me = useMe();
  const pages = pagesFor(me).map((p) => p.path!);
  const reachable = (link?: string) => (link && pages.some((p) => matchPath(p, link.split('?')[0])) ? link : undefined);
  const { data, isPending } = useGet<{ cards: HomeCard[] }>(homePaths.dashboard);
  const cards = data?.cards ?? [];
  const sections = (Object.keys(cardSections) as CardSection[]).map((s) => ({ key: s, cards: cards.filter((c) => (c.section ?? 'overview') === s) })).filter((s) => s.cards.length > 0);

  return (
    <>
      <Card style={{ marginBottom: 16 }}>
        <Flex wrap gap={12} align="center" justify="space-between">
          <div>
            <Typography.Title level={1} style={{ marginTop: 0, fontSize: 20 }}>
              {me.displayName}，{greeting()}！
            </Typography.Title>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
              {me.committee.name} · {roleText(me)}
            </Typography.Paragraph>
          </div>
          {/* at the venue, on the phone: the camera reads the code on the screen */}
          {me.roles.includes('member') && (
            <Link to="/checkin/scan">
              <Button icon={<ScanOutlined />} data-testid="scan-checkin">扫码签到</Button>
            </Link>
          )}
        </Flex>
      </Card>
      {isPending ? (
        <Skeleton active />
      ) : sections.length === 0 ? (
        <Empty description="暂无需要关注的事项" />
      ) : (
        sections.map((s) => (
          <section key={s.key} aria-labelledby={`home-${s.key}`} style={{ marginBottom: 16 }} data-testid={`section-${s.key}`}>
            <Typography.Title level={2} id={`home-${s.key}`} style={{ fontSize: 16, margin: '0 0 8px' }}>
              {cardSections[s.key]}
            </Typography.Title>
            <Row gutter={[12, 12]}>
              {s.cards.map((c) => (
                <Col key={c.key} {...span(c)}>
                  <FigureCard card={c} reachable={reachable} />
                </Col>
              ))}
            </Row>
          </section>
        ))
      )}
    </>
  );
}
