import { useState } from 'react';
import { Button, Flex, Input, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { api } from '../../app/api';
import { run } from '../../app/errors';
import { formatTime } from '../../app/forms';
import { replyStatusLabels, type Reply } from './types';

export type AnswerClass = { code: string; label: string };

/** A reply leaves the unit in two steps: its responsible leader signs it off (签发), then it is sent. */
function ReplySteps({ reply, onChanged }: { reply: Reply; onChanged(): void }) {
  const [signer, setSigner] = useState('');
  const conflict = { onConflict: onChanged };
  const sign = () => run(() => api.post(`/handling/replies/${reply.id}/sign`, { version: reply.version, signedBy: signer.trim() }), { success: '已签发', ...conflict }).then((r) => r && onChanged());
  const send = () => run(() => api.post(`/handling/replies/${reply.id}/send`, { version: reply.version }), { success: '答复已发送', ...conflict }).then((r) => r && onChanged());
  if (reply.status === 'draft')
    return (
      <Space.Compact style={{ maxWidth: 360 }}>
        <Input placeholder="签发人（单位负责人）" value={signer} onChange={(e) => setSigner(e.target.value)} aria-label="签发人" maxLength={40} />
        <Button type="primary" onClick={sign} disabled={signer.trim().length < 2}>
          签发
        </Button>
      </Space.Compact>
    );
  if (reply.status === 'signed')
    return (
      <Popconfirm title="发送后提案人即可看到答复并评价，确定发送？" onConfirm={send} okText="确定" cancelText="取消">
        <Button type="primary" style={{ alignSelf: 'flex-start' }}>
          发送答复
        </Button>
      </Popconfirm>
    );
  return null;
}

/**
 * 答复: each replying unit's reply with its class, who signed it and when it was sent. The unit's
 * own unsent reply shows the next step (sign off, then send).
 */
export function RepliesList({ replies, myUnitId, answerClasses, onChanged }: { replies: Reply[]; myUnitId: string | null; answerClasses: AnswerClass[]; onChanged(): void }) {
  if (replies.length === 0) return null;
  const classLabel = (code: string) => answerClasses.find((c) => c.code === code)?.label;
  return (
    <List
      header={<b>答复</b>}
      style={{ marginTop: 16 }}
      dataSource={replies}
      data-testid="replies"
      renderItem={(r) => (
        <List.Item>
          <Flex vertical gap={4} style={{ width: '100%' }}>
            <Space wrap>
              <b>{r.unitName}</b>
              <Tag color="blue">
                {r.answerClass}类{classLabel(r.answerClass) ? ` · ${classLabel(r.answerClass)}` : ''}
              </Tag>
              <Tag color={r.status === 'sent' ? 'green' : undefined}>{replyStatusLabels[r.status]}</Tag>
              {r.round > 1 && <Tag color="orange">二次办理</Tag>}
              {r.signedBy && <span>签发人：{r.signedBy}</span>}
              {r.sentAt && <span>发送于 {formatTime(r.sentAt)}</span>}
            </Space>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{r.body}</Typography.Paragraph>
            <Typography.Text type="secondary">
              联系人：{r.contactPerson}（{r.contactPhone}）{r.disclose ? '' : ` · 不公开：${r.nondisclosureReason ?? ''}`}
            </Typography.Text>
            {r.unitId === myUnitId && <ReplySteps reply={r} onChanged={onChanged} />}
          </Flex>
        </List.Item>
      )}
    />
  );
}
