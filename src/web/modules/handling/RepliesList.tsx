import { useState } from 'react';
import { Button, Flex, Input, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { handlingPaths } from '@shared/handling/paths';
import { promiseOutcomes, replyStatusLabels } from '@shared/handling/labels';
import type { Reply } from '@shared/handling/responses';
import { pathTo } from '@shared/http/paths';
import { labelOf } from '@shared/labels';
import { api } from '../../app/api';
import { run } from '../../app/errors';
import { formatTime } from '../../app/forms';
import { GuardedButton } from '../../app/ui/GuardedButton';
import { outcomeColors } from './PromiseList';

/** An answer class of the module's settings; `promise`: its reply promises something by a date (列入计划). */
export type AnswerClass = { code: string; label: string; promise?: boolean };

/** A reply leaves the unit in two steps: its responsible leader signs it off (签发), then it is sent. */
function ReplySteps({ reply, afterSend, onChanged }: { reply: Reply; afterSend: string; onChanged(): void }) {
  const [signer, setSigner] = useState('');
  const conflict = { onConflict: onChanged };
  const sign = () => run(() => api.post(pathTo(handlingPaths.signReply, { id: reply.id }), { version: reply.version, signedBy: signer.trim() }), { success: '已签发', ...conflict }).then((r) => r && onChanged());
  const send = () => run(() => api.post(pathTo(handlingPaths.sendReply, { id: reply.id }), { version: reply.version }), { success: '答复已发送', ...conflict }).then((r) => r && onChanged());
  if (reply.status === 'draft')
    return (
      <Flex gap={8} wrap align="center">
        <Input placeholder="签发人（单位负责人）" value={signer} onChange={(e) => setSigner(e.target.value)} aria-label="签发人" maxLength={40} style={{ maxWidth: 240 }} />
        <GuardedButton type="primary" onClick={sign} why={signer.trim().length < 2 ? '请先填写签发人（单位负责人）姓名，至少2个字' : null} data-testid="reply-sign">
          签发
        </GuardedButton>
      </Flex>
    );
  if (reply.status === 'signed')
    return (
      <Popconfirm title={`发送后${afterSend}，确定发送？`} onConfirm={send} okText="确定" cancelText="取消">
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
export function RepliesList({ replies, myUnitId, answerClasses, afterSend, onChanged }: { replies: Reply[]; myUnitId: string | null; answerClasses: AnswerClass[]; afterSend: string; onChanged(): void }) {
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
              <Tag color={r.status === 'sent' ? 'green' : undefined}>{labelOf(replyStatusLabels, r.status)}</Tag>
              {r.round > 1 && <Tag color="orange">二次办理</Tag>}
              {r.signedBy && <span>签发人：{r.signedBy}</span>}
              {r.sentAt && <span>发送于 {formatTime(r.sentAt)}</span>}
            </Space>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{r.body}</Typography.Paragraph>
            {r.promise && (
              <Typography.Text data-testid="reply-promise" style={{ wordBreak: 'break-all' }}>
                承诺：{r.promise}（{r.promisedBy} 前）
                {r.promiseOutcome ? (
                  <>
                    {' '}
                    <Tag color={outcomeColors[r.promiseOutcome]}>{labelOf(promiseOutcomes, r.promiseOutcome)}</Tag>
                    <Typography.Text type="secondary">
                      {r.promiseCheckedOn} 核实：{r.promiseNote}
                    </Typography.Text>
                  </>
                ) : (
                  <Typography.Text type="secondary"> · 兑现情况尚未登记</Typography.Text>
                )}
              </Typography.Text>
            )}
            <Typography.Text type="secondary">
              联系人：{r.contactPerson}（{r.contactPhone}）{r.disclose ? '' : ` · 不公开：${r.nondisclosureReason ?? ''}`}
            </Typography.Text>
            {r.unitId === myUnitId && <ReplySteps reply={r} afterSend={afterSend} onChanged={onChanged} />}
          </Flex>
        </List.Item>
      )}
    />
  );
}
