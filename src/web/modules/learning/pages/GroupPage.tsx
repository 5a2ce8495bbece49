import { useState } from 'react';
import { useParams } from 'react-router';
import { Button, Card, Empty, Flex, List, Popconfirm, Skeleton, Tag, Typography } from 'antd';
import { pathTo } from '@shared/http/paths';
import { learningPaths } from '@shared/learning/paths';
import type { CheckinRow, GroupDetail } from '@shared/learning/responses';
import { api } from '../../../app/api';
import { can } from '../../../app/forms';
import { run } from '../../../app/errors';
import { refetch, showAnswer, useGet } from '../../../app/query';
import { PageCard } from '../../../app/ui/PageCard';
import { usePageTitle } from '../../../app/ui/PageTitle';
import { CheckinForm } from '../CheckinForm';
import { GroupForm } from '../GroupForm';

/** One check-in as a card: who, which day, what was read, the note; 评为优秀 for the keeping offices. */
function CheckinCard({ c, onFeature }: { c: CheckinRow; onFeature(c: CheckinRow, featured: boolean): void }) {
  return (
    <Card size="small" style={{ width: '100%' }} data-testid="learning-checkin-card">
      <Flex justify="space-between" gap={8} wrap>
        <Typography.Text strong>{c.memberName}</Typography.Text>
        <Typography.Text type="secondary">{c.day}</Typography.Text>
      </Flex>
      <Typography.Paragraph style={{ margin: '4px 0' }}>阅读：{c.reading}</Typography.Paragraph>
      {c.note && <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>心得：{c.note}</Typography.Paragraph>}
      <Flex justify="end" gap={8} align="center">
        {c.featured && <Tag color="gold">优秀心得</Tag>}
        {can(c, 'feature') && <Button size="small" onClick={() => onFeature(c, true)} data-testid="checkin-feature">评为优秀</Button>}
        {can(c, 'unfeature') && <Button size="small" onClick={() => onFeature(c, false)}>取消优秀</Button>}
      </Flex>
    </Card>
  );
}

/** A reading group: the book, the period, its members and their check-ins and notes; 打卡 for its members, edit / close / feature for the keeping offices. */
export default function GroupPage() {
  const { id } = useParams();
  const path = pathTo(learningPaths.group, { id: id! });
  const { data: g, isPending } = useGet<GroupDetail>(path);
  // each one's page has its own title, not the list's
  usePageTitle(g?.name);
  const [checkingIn, setCheckingIn] = useState(false);
  const [editing, setEditing] = useState(false);
  if (isPending && !g) return <Skeleton active />;
  if (!g) return <Empty description="读书小组不存在或无权查看" />;
  const again = () => { refetch(path); refetch(learningPaths.mine); refetch(learningPaths.groups); };
  const feature = (c: CheckinRow, featured: boolean) =>
    run(() => api.post(pathTo(learningPaths.checkinFeature, { id: c.id }), { version: c.version, featured }), { success: featured ? '已评为优秀心得' : '已取消', onConflict: again }).then(again);
  const close = () => run(() => api.post(pathTo(learningPaths.groupClose, { id: g.id }), { version: g.version }), { success: '读书小组已结束', onConflict: again }).then(again);
  return (
    <PageCard title={g.name} extra={
      <>
        {can(g, 'checkin') && <Button type="primary" onClick={() => setCheckingIn(true)} data-testid="learning-checkin">打卡</Button>}
        {can(g, 'update') && <Button onClick={() => setEditing(true)}>修改</Button>}
        {can(g, 'close') && <Popconfirm title="结束后委员不能再打卡，确定结束？" okText="结束" cancelText="取消" onConfirm={close}><Button danger>结束</Button></Popconfirm>}
      </>
    }>
      <Flex vertical gap={8}>
        <Typography.Text>共读《{g.bookTitle}》 <Tag color={g.status === 'open' ? 'green' : 'default'}>{g.statusLabel}</Tag></Typography.Text>
        <Typography.Text type="secondary">{g.startsOn} 至 {g.endsOn} · {g.memberCount} 人 · 打卡 {g.checkinCount} 次{g.checkedInToday ? ' · 您今日已打卡' : ''}</Typography.Text>
        {g.description && <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{g.description}</Typography.Paragraph>}
        <Typography.Title level={2} style={{ fontSize: 16, marginTop: 8 }}>小组成员</Typography.Title>
        <Typography.Paragraph style={{ margin: 0 }}>{g.members.map((m) => `${m.name}（${m.checkins}次）`).join('、')}</Typography.Paragraph>
        <Typography.Title level={2} style={{ fontSize: 16, marginTop: 8 }}>打卡与读书心得</Typography.Title>
        <List dataSource={g.checkins} locale={{ emptyText: '尚无打卡' }} split={false}
          renderItem={(c) => <List.Item key={c.id} style={{ padding: '4px 0' }}><CheckinCard c={c} onFeature={feature} /></List.Item>} />
      </Flex>
      <CheckinForm group={g} open={checkingIn} onClose={() => setCheckingIn(false)} onSaved={(next) => { setCheckingIn(false); showAnswer(path, next); again(); }} />
      {can(g, 'update') && <GroupForm group={g} open={editing} onClose={() => setEditing(false)} onSaved={() => { setEditing(false); again(); }} />}
    </PageCard>
  );
}
