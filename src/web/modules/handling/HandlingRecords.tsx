import { List, Tag, Typography } from 'antd';
import { formatDay, formatTime } from '../../app/forms';
import { contactMethods, contactStages, extensionStatusLabels, ratingLabels } from '@shared/handling/labels';
import type { Assignment, Contact, Rating } from '@shared/handling/responses';
import { labelOf } from '@shared/labels';

const roundText = (round: number) => (round > 1 ? '二次办理' : '首次办理');

/** 异议与延期: what units asked of the office and what it decided. Hidden when nobody asked. */
export function ObjectionsAndExtensions({ assignments }: { assignments: Assignment[] }) {
  const asked = assignments.filter((a) => a.objectionReason || a.extensionReason);
  if (asked.length === 0) return null;
  return (
    <List
      header={<b>异议与延期</b>}
      size="small"
      style={{ marginTop: 16 }}
      dataSource={asked}
      data-testid="objections-extensions"
      renderItem={(a) => (
        <List.Item>
          <div>
            <b>{a.unitName}</b>（{a.roleLabel}）
            {a.objectionReason && (
              <div>
                异议：{a.objectionReason}
                {a.objectionDecision ? <Typography.Text type="secondary"> · 处理意见：{a.objectionDecision}</Typography.Text> : <Tag color="red" style={{ marginLeft: 8 }}>待处理</Tag>}
              </div>
            )}
            {a.extensionReason && (
              <div>
                申请延期 {a.extensionDays} 个工作日：{a.extensionReason}
                {a.extensionStatus && <Tag color={a.extensionStatus === 'pending' ? 'gold' : a.extensionStatus === 'approved' ? 'green' : 'default'} style={{ marginLeft: 8 }}>{labelOf(extensionStatusLabels, a.extensionStatus)}</Tag>}
              </div>
            )}
          </div>
        </List.Item>
      )}
    />
  );
}

/** 协办意见: the views assisting and joint units sent to the lead unit. */
export function AssistingOpinions({ assignments }: { assignments: Assignment[] }) {
  const sent = assignments.filter((a) => a.opinion);
  if (sent.length === 0) return null;
  return (
    <List
      header={<b>协办、会办意见</b>}
      size="small"
      style={{ marginTop: 16 }}
      dataSource={sent}
      data-testid="assisting-opinions"
      renderItem={(a) => (
        <List.Item>
          <div>
            <b>{a.unitName}</b>（{a.roleLabel}，{roundText(a.round)}）{a.opinionAt && <Typography.Text type="secondary"> {formatTime(a.opinionAt)}</Typography.Text>}
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{a.opinion}</Typography.Paragraph>
          </div>
        </List.Item>
      )}
    />
  );
}

/** 沟通记录: each contact with the proposer, before, during and after handling. */
export function ContactLog({ contacts }: { contacts: Contact[] }) {
  if (contacts.length === 0) return null;
  return (
    <List
      header={<b>沟通记录</b>}
      size="small"
      style={{ marginTop: 16 }}
      dataSource={contacts}
      data-testid="contacts"
      renderItem={(c) => (
        <List.Item>
          <div>
            {formatDay(c.contactOn)} · {c.unitName || c.authorName} · <Tag>{labelOf(contactStages, c.stage)}</Tag>
            {labelOf(contactMethods, c.method)}：{c.summary}
          </div>
        </List.Item>
      )}
    />
  );
}

/** 提案人评价 of each round; 不满意 opens the second round. */
export function RatingList({ ratings }: { ratings: Rating[] }) {
  if (ratings.length === 0) return null;
  return (
    <List
      header={<b>提案人评价</b>}
      size="small"
      style={{ marginTop: 16 }}
      dataSource={ratings}
      data-testid="ratings"
      renderItem={(r) => (
        <List.Item>
          <div>
            {roundText(r.round)} · 办理态度：{labelOf(ratingLabels, r.attitude)} · 办理结果：
            <Typography.Text type={r.result === 'unsatisfied' ? 'danger' : undefined}>{labelOf(ratingLabels, r.result)}</Typography.Text>
            {r.comment ? ` · ${r.comment}` : ''}
          </div>
        </List.Item>
      )}
    />
  );
}
