import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Card, Empty, Flex, List, Skeleton, Tag, Typography } from 'antd';
import { learningPaths } from '@shared/learning/paths';
import type { GroupRow, MyLearning } from '@shared/learning/responses';
import { can } from '../../../app/forms';
import { refetch, useGet } from '../../../app/query';
import { PageCard } from '../../../app/ui/PageCard';
import { CheckinForm } from '../CheckinForm';
import { ItemCard } from '../ItemCard';

const Heading = ({ children }: { children: string }) => <Typography.Title level={2} style={{ fontSize: 16, margin: '16px 0 8px' }}>{children}</Typography.Title>;

/** A reading group as a card on 我的学习: the book, the period, whether checked in today, and 打卡. */
function GroupCard({ group, onCheckin }: { group: GroupRow; onCheckin(g: GroupRow): void }) {
  return (
    <Card size="small" style={{ width: '100%' }} data-testid="learning-group-card">
      <Flex vertical gap={4}>
        <Flex justify="space-between" align="start" gap={8}>
          <Link to={`/learning/groups/${group.id}`} style={{ fontWeight: 600 }}>{group.name}</Link>
          <Tag color={group.status === 'open' ? 'green' : 'default'}>{group.statusLabel}</Tag>
        </Flex>
        <Typography.Text>《{group.bookTitle}》</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>{group.startsOn} 至 {group.endsOn} · {group.memberCount} 人 · 已打卡 {group.checkinCount} 次</Typography.Text>
        <Flex justify="end" gap={8} align="center">
          {group.checkedInToday && <Tag color="green">今日已打卡</Tag>}
          {can(group, 'checkin') && <Button type="primary" size="small" onClick={() => onCheckin(group)} data-testid="learning-checkin" aria-label={`去打卡：${group.name}`}>去打卡</Button>}
        </Flex>
      </Flex>
    </Card>
  );
}

/**
 * 我的学习, phone-first: today's 每日一学, the items not yet learned, my reading groups (打卡 from
 * here), and what I learned this year — items, check-ins, training and reading events attended.
 */
export default function MyLearningPage() {
  const { data, isPending } = useGet<MyLearning>(learningPaths.mine);
  const [checkingIn, setCheckingIn] = useState<GroupRow | null>(null);
  const again = () => refetch(learningPaths.mine);
  if (isPending && !data) return <Skeleton active />;
  if (!data) return <Empty description="无法读取我的学习" />;
  const earlier = data.unlearned.filter((i) => i.id !== data.todayItem?.id);
  const r = data.record;
  return (
    <PageCard title="我的学习">
      <Heading>今日学习</Heading>
      {data.todayItem ? <ItemCard item={data.todayItem} onDone={again} full /> : <Empty description={`今天（${data.today}）没有新的每日一学`} />}

      <Heading>{`未学（${earlier.length}）`}</Heading>
      <List dataSource={earlier} locale={{ emptyText: '往期每日一学都已学完' }} split={false}
        renderItem={(i) => <List.Item key={i.id} style={{ padding: '4px 0' }}><ItemCard item={i} onDone={again} /></List.Item>} />

      <Heading>我的读书小组</Heading>
      <List dataSource={data.groups} locale={{ emptyText: '您尚未加入书香政协读书小组' }} split={false}
        renderItem={(g) => <List.Item key={g.id} style={{ padding: '4px 0' }}><GroupCard group={g} onCheckin={setCheckingIn} /></List.Item>} />

      <Heading>{`${data.year}年学习记录`}</Heading>
      <Flex vertical gap={8} data-testid="learning-record">
        <Typography.Text>每日一学已学 {r.learned.length} 期 · 读书打卡 {r.checkins.length} 次 · 参加培训和读书活动 {r.activities.length} 次</Typography.Text>
        <List size="small" header={<strong>参加的培训和读书活动</strong>} dataSource={r.activities} locale={{ emptyText: '本年尚无' }}
          renderItem={(a) => <List.Item key={a.id}><Link to={`/meetings/${a.id}`}>{a.title}</Link>（{a.kindLabel}，{a.date}）</List.Item>} />
        <List size="small" header={<strong>读书打卡</strong>} dataSource={r.checkins} locale={{ emptyText: '本年尚无' }}
          renderItem={(c) => <List.Item key={c.id}>{c.day} · 《{c.bookTitle}》{c.reading}{c.featured && <Tag color="gold" style={{ marginLeft: 8 }}>优秀心得</Tag>}</List.Item>} />
        <List size="small" header={<strong>已学的每日一学</strong>} dataSource={r.learned} locale={{ emptyText: '本年尚无' }}
          renderItem={(l) => <List.Item key={l.id}><Link to={`/learning/items/${l.id}`}>{l.title}</Link>（{l.forDate}）</List.Item>} />
      </Flex>
      <CheckinForm group={checkingIn} open={!!checkingIn} onClose={() => setCheckingIn(null)} onSaved={() => { setCheckingIn(null); again(); }} />
    </PageCard>
  );
}
