import { useState } from 'react';
import { Button, Card, Input, List, Space, Tag, Typography } from 'antd';
import { LikeOutlined, MessageOutlined } from '@ant-design/icons';
import { pathTo } from '@shared/http/paths';
import { consultationPaths } from '@shared/consultation/paths';
import type { RoomPost } from '@shared/consultation/room-responses';
import { api } from '../../../app/api';
import { run } from '../../../app/errors';
import { GuardedButton } from '../../../app/ui/GuardedButton';
import { formatTime } from '../../../app/forms';
import { askNote } from '../actions';

const stateColor: Record<string, string> = { pending: 'orange', rejected: 'red', hidden: 'default' };

/** The office's moderation buttons of a post (approve, reject or hide with a reason). */
export function ModerationButtons({ post }: { post: RoomPost }) {
  const act = (action: string, reason?: string) => api.post(pathTo(consultationPaths.postAction, { id: post.id, action }), { version: post.version, ...(reason ? { reason } : {}) });
  return (
    <Space wrap>
      {post.actions.includes('approve') && <Button size="small" type="primary" onClick={() => run(() => act('approve'), { success: '已审核通过' })} data-testid="post-approve">通过</Button>}
      {post.actions.includes('reject') && <Button size="small" onClick={() => askNote('不予发布的理由', true, (r) => act('reject', r))} data-testid="post-reject">不予发布</Button>}
      {post.actions.includes('hide') && <Button size="small" danger onClick={() => askNote('隐藏的理由（将告知发言人）', true, (r) => act('hide', r))} data-testid="post-hide">隐藏</Button>}
    </Space>
  );
}

function Line({ post }: { post: RoomPost }) {
  return (
    <>
      <Space wrap size={4}>
        <Typography.Text strong>{post.authorName}</Typography.Text>
        {post.authorKind === 'public' && <Tag>网友</Tag>}
        {post.status !== 'published' && <Tag color={stateColor[post.status]}>{post.statusLabel}</Tag>}
        <Typography.Text type="secondary">{formatTime(post.createdAt)}</Typography.Text>
      </Space>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0' }}>{post.body}</Typography.Paragraph>
      {post.reason && <Typography.Paragraph type="secondary">处理理由：{post.reason}</Typography.Paragraph>}
    </>
  );
}

/** One post with its replies: support (once), reply while the room is open, the office's moderation. */
export function PostCard({ roomId, post, canReply }: { roomId: string; post: RoomPost & { replies: RoomPost[] }; canReply: boolean }) {
  const [replying, setReplying] = useState(false);
  const [text, setText] = useState('');
  const send = async () => {
    const saved = await run(() => api.post(pathTo(consultationPaths.roomPosts, { id: roomId }), { body: text, parentId: post.id }), { success: '回复已发表' });
    if (saved) {
      setText('');
      setReplying(false);
    }
  };
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="room-post">
      <Line post={post} />
      <Space wrap>
        {/* a support is a button only for who may give it; the rest read the count (no disabled button without a reason) */}
        {post.actions.includes('support') && !post.supportedByMe ? (
          <Button size="small" icon={<LikeOutlined />} aria-label={`支持 ${post.supportCount}`}
            onClick={() => run(() => api.post(pathTo(consultationPaths.postSupport, { id: post.id })))} data-testid="post-support">
            支持 {post.supportCount}
          </Button>
        ) : (post.supportCount > 0 || post.supportedByMe) && (
          <Typography.Text type="secondary" data-testid="post-support">
            <LikeOutlined aria-hidden /> {post.supportedByMe ? '已支持' : '支持'} {post.supportCount}
          </Typography.Text>
        )}
        {canReply && post.status === 'published' && <Button size="small" icon={<MessageOutlined />} onClick={() => setReplying(!replying)} data-testid="post-reply">回复</Button>}
        <ModerationButtons post={post} />
      </Space>
      {replying && (
        <Space.Compact style={{ width: '100%', marginTop: 8 }}>
          <Input.TextArea autoSize value={text} onChange={(e) => setText(e.target.value)} aria-label="回复内容" placeholder="回复这条发言" data-testid="reply-body" />
          <GuardedButton type="primary" why={text.trim().length < 2 && '回复至少2个字'} onClick={send} data-testid="reply-submit">发表</GuardedButton>
        </Space.Compact>
      )}
      {post.replies.length > 0 && (
        <List
          size="small"
          style={{ marginTop: 8, background: '#fafafa', borderRadius: 6, padding: '0 8px' }}
          dataSource={post.replies}
          renderItem={(r) => (
            <List.Item data-testid="room-reply">
              <div style={{ width: '100%' }}>
                <Line post={r} />
                <ModerationButtons post={r} />
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
