import { useState } from 'react';
import { Alert, Button, Card, Empty, Input, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { pathTo } from '@shared/http/paths';
import { consultationPaths } from '@shared/consultation/paths';
import type { RoomDetail } from '@shared/consultation/room-responses';
import { api } from '../../../app/api';
import { run } from '../../../app/errors';
import { GuardedButton } from '../../../app/ui/GuardedButton';
import { can, formatTime } from '../../../app/forms';
import { useGet } from '../../../app/query';
import { PageCard } from '../../../app/ui/PageCard';
import { usePageTitle } from '../../../app/ui/PageTitle';
import { PollCard } from '../rooms/PollCard';
import { ModerationButtons, PostCard } from '../rooms/PostCard';
import { PollForm, SummaryForm } from '../rooms/RoomDialogs';
import { phaseColor } from './RoomsPage';

/** A member's new post: shown at once, or held for the office when the committee moderates first. */
function Compose({ room }: { room: RoomDetail }) {
  const [text, setText] = useState('');
  const send = async () => {
    const held = room.memberModeration === 'reviewFirst';
    const saved = await run(() => api.post(pathTo(consultationPaths.roomPosts, { id: room.id }), { body: text }), { success: held ? '已提交，经审核后发布' : '发言已发表' });
    if (saved) setText('');
  };
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <Input.TextArea rows={3} value={text} onChange={(e) => setText(e.target.value)} aria-label="我的发言" placeholder="发表您的意见建议" maxLength={2000} data-testid="room-post-body" />
      <GuardedButton type="primary" block style={{ marginTop: 8 }} why={text.trim().length < 2 && '发言至少2个字'} onClick={send} data-testid="room-post-submit">发表</GuardedButton>
    </Card>
  );
}

/**
 * 网络议政室: the topic and its time, the office's summary once written, the moderation queue (the
 * office), polls, and the posts with replies and support. A room that is not open is read-only.
 */
export default function RoomPage() {
  const { id = '' } = useParams();
  const { data: room } = useGet<RoomDetail>(pathTo(consultationPaths.room, { id }));
  const [dialog, setDialog] = useState<'poll' | 'summary' | null>(null);
  usePageTitle(room?.title);
  if (!room) return null;
  const step = (action: string) => run(() => api.post(pathTo(consultationPaths.roomAction, { id: room.id, action }), { version: room.version }), { success: '已结束议政' });
  return (
    <PageCard
      title={room.title}
      extra={
        <Space wrap>
          {can(room, 'manage') && room.phase !== 'summarized' && room.phase !== 'closed' && <Button onClick={() => setDialog('poll')} data-testid="room-add-poll">发起投票</Button>}
          {can(room, 'close') && <Button onClick={() => step('close')} data-testid="room-close">结束议政</Button>}
          {can(room, 'summarize') && <Button type="primary" onClick={() => setDialog('summary')} data-testid="room-summarize">形成议政综述</Button>}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 8 }}>
        <Tag color={phaseColor[room.phase]} data-testid="room-phase">{room.phaseLabel}</Tag>
        {room.publicAccess && <Tag>向公众开放</Tag>}
        <Typography.Text type="secondary">{formatTime(room.opensAt)} 至 {formatTime(room.closesAt)}</Typography.Text>
      </Space>
      <Typography.Paragraph>协商活动：<Link to={`/consultation/consultations/${room.consultationId}`}>{room.consultationTitle}</Link></Typography.Paragraph>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{room.intro}</Typography.Paragraph>
      {room.phase !== 'open' && room.phase !== 'summarized' && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={room.phase === 'upcoming' ? '议政室尚未开放' : '议政已结束，只能查看'} />}
      {room.summary && (
        <Card size="small" title={`议政综述（${room.summarizedOn ?? ''}）`} style={{ marginBottom: 12 }} data-testid="room-summary">
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{room.summary}</Typography.Paragraph>
        </Card>
      )}
      {can(room, 'manage') && (
        <>
          <Typography.Title level={2} style={{ fontSize: 18 }}>待审核发言（{room.moderation.length}）</Typography.Title>
          {room.moderation.length === 0 && <Typography.Paragraph type="secondary">没有待审核的发言</Typography.Paragraph>}
          {room.moderation.map((p) => (
            <Card key={p.id} size="small" style={{ marginBottom: 8 }} data-testid="moderation-item">
              <Typography.Text strong>{p.authorName}</Typography.Text>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0' }}>{p.body}</Typography.Paragraph>
              <ModerationButtons post={p} />
            </Card>
          ))}
        </>
      )}
      {room.polls.length > 0 && <Typography.Title level={2} style={{ fontSize: 18 }}>投票</Typography.Title>}
      {room.polls.map((p) => <PollCard key={`${p.id}-${(p.myChoices ?? []).join()}`} poll={p} />)}
      <Typography.Title level={2} style={{ fontSize: 18 }}>发言（{room.postCount}）</Typography.Title>
      {can(room, 'post') && <Compose room={room} />}
      {room.posts.length === 0 && <Empty description="暂无发言" />}
      {room.posts.map((p) => <PostCard key={p.id} roomId={room.id} post={p} canReply={can(room, 'post')} />)}
      <PollForm open={dialog === 'poll'} roomId={room.id} onClose={() => setDialog(null)} />
      <SummaryForm open={dialog === 'summary'} room={room} onClose={() => setDialog(null)} />
    </PageCard>
  );
}
