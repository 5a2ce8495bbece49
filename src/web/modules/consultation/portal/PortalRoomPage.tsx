import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Button, Card, Form, Input, List, Spin, Tag, Typography } from 'antd';
import { pathTo } from '@shared/http/paths';
import { consultationPaths } from '@shared/consultation/paths';
import { portalRoomPost } from '@shared/consultation/room-inputs';
import type { PortalRoom } from '@shared/consultation/room-responses';
import type { PublicFormReceived } from '@shared/http/responses';
import { api } from '../../../app/api';
import { submitForm } from '../../../app/errors';
import { formatTime } from '../../../app/forms';
import { fieldRules } from '../../../app/rules';
import { PageHeading, useDocumentTitle } from '../../../app/ui/PageTitle';
import { ChallengeField } from '../../portal/Challenge';
import { PortalOutcome } from '../../portal/PortalOutcome';
import { usePublished } from '../../portal/usePublished';
import { usePortalCommittee } from '../../portal/useCommittee';
import { PollResult } from '../rooms/PollCard';

const rules = fieldRules(portalRoomPost);

/** The public's post: a nickname and the text, behind the arithmetic question; shown after the office approves it. */
function PublicPost({ room }: { room: PortalRoom }) {
  const [form] = Form.useForm();
  const [round, setRound] = useState(0);
  const [sent, setSent] = useState<string | null>(null);
  const { id: committeeId } = usePortalCommittee();
  const send = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const answer = await submitForm(form, () => api.post<PublicFormReceived>(pathTo(consultationPaths.portalRoomPosts, { id: room.id }), values));
    setRound((r) => r + 1);
    if (answer) {
      setSent(answer.message);
      form.resetFields(['body']);
    }
  };
  return (
    <Card size="small" title="我要发言" style={{ marginBottom: 12 }}>
      {sent && <Typography.Paragraph type="success" data-testid="portal-room-sent">{sent}</Typography.Paragraph>}
      <Form form={form} name="portalRoomPost" layout="vertical" autoComplete="off" onFinish={send}>
        <Form.Item name="nickname" label="昵称（不要填写真实姓名）" rules={rules.nickname}>
          <Input data-testid="portal-room-nickname" />
        </Form.Item>
        <Form.Item name="body" label="发言内容" rules={rules.body}>
          <Input.TextArea autoSize={{ minRows: 3 }} data-testid="portal-room-body" />
        </Form.Item>
        <ChallengeField committeeId={committeeId} round={round} />
        <Button type="primary" htmlType="submit" block data-testid="portal-room-submit">提交发言</Button>
      </Form>
    </Card>
  );
}

/** A room opened to the public: its topic, the approved posts and replies, poll results and the summary. */
export default function PortalRoomPage() {
  const { id = '' } = useParams();
  const { data: room, loading } = usePublished<PortalRoom>(pathTo(consultationPaths.portalRoom, { id }));
  useDocumentTitle(room?.title, '网络议政', '政协公开门户');
  if (loading) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (!room) return <PortalOutcome kind="missing" title="该议政室未向公众开放或不存在" extra={<Link to="/portal/rooms">返回网络议政</Link>} />;
  return (
    <Card title={<PageHeading data-testid="portal-title">{room.title}</PageHeading>} extra={<Tag color={room.phase === 'open' ? 'green' : 'default'}>{room.phaseLabel}</Tag>}>
      <Typography.Paragraph type="secondary">{room.consultationTitle} · {formatTime(room.opensAt)} 至 {formatTime(room.closesAt)}</Typography.Paragraph>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{room.intro}</Typography.Paragraph>
      {room.summary && <Card size="small" title="议政综述" style={{ marginBottom: 12 }}><Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{room.summary}</Typography.Paragraph></Card>}
      {room.polls.map((p) => (
        <Card key={p.question} size="small" title={`【${p.kindLabel}】${p.question}`} style={{ marginBottom: 12 }}>
          <PollResult result={p.result} />
        </Card>
      ))}
      {room.phase === 'open' && <PublicPost room={room} />}
      <Typography.Title level={2} style={{ fontSize: 18 }}>发言（{room.posts.length}）</Typography.Title>
      <List
        dataSource={room.posts}
        locale={{ emptyText: '暂无发言' }}
        renderItem={(p) => (
          <List.Item data-testid="portal-room-post">
            <div style={{ width: '100%' }}>
              <Typography.Text strong>{p.authorName}</Typography.Text> <Typography.Text type="secondary">{formatTime(p.createdAt)} · 支持 {p.supportCount}</Typography.Text>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0' }}>{p.body}</Typography.Paragraph>
              {p.replies.map((r) => (
                <Typography.Paragraph key={r.id} style={{ whiteSpace: 'pre-wrap', background: '#fafafa', padding: 8, marginBottom: 4 }}>
                  <Typography.Text strong>{r.authorName}：</Typography.Text>{r.body}
                </Typography.Paragraph>
              ))}
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
