import { Card, Flex, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { KeyProposalView } from '@shared/proposals/key';
import { formatDay, formatTime } from '../../../app/forms';

const stateColor: Record<string, string> = { shortlisted: 'gold', declined: 'default', selected: 'orange', reviewed: 'blue', signedOff: 'green' };

/** The leader's steps with their dates and texts: 阅批, each 调度, 阅签. */
export function KeySteps({ k }: { k: KeyProposalView }) {
  const steps = [
    k.decidedOn && { key: 'decided', text: `${formatDay(k.decidedOn)} ${k.decisionRef ?? ''}：${k.status === 'declined' ? '未确定为重点提案' : '确定为重点提案'}` },
    k.reviewedOn && { key: 'review', text: `${formatDay(k.reviewedOn)} 阅批：${k.reviewText ?? ''}` },
    ...k.schedules.map((s) => ({ key: s.activityId, text: <>{formatTime(s.startsAt)} 调度（{s.kind}）：<Link to={`/meetings/${s.activityId}`} style={{ textDecoration: 'underline' }}>{s.title}</Link>，{s.place}。{s.agenda}</> })),
    // 提案办理协商 that discussed it: when, its page, and what came of it once there
    ...k.consultations.map((c) => ({
      key: c.id,
      text: <span data-testid="key-consultation">{c.date ? `${formatDay(c.date)} ` : ''}提案办理协商：<Link to={c.link} style={{ textDecoration: 'underline' }}>{c.title}</Link>（{c.statusLabel}）。{c.outcome ? `成果：${c.outcome}。` : ''}{c.minutes ? `纪要：${c.minutes}` : ''}</span>,
    })),
    k.signedOn && { key: 'sign', text: `${formatDay(k.signedOn)} 阅签：${k.signText ?? ''}` },
  ].filter(Boolean) as { key: string; text: React.ReactNode }[];
  if (!steps.length) return null;
  return (
    <ul style={{ paddingInlineStart: 20, margin: 0 }} data-testid="key-steps">
      {steps.map((s) => <li key={s.key} style={{ wordBreak: 'break-word' }}>{s.text}</li>)}
    </ul>
  );
}

/** Every assigned unit's state, deadline and what is overdue (working days). */
export function KeyUnits({ k }: { k: KeyProposalView }) {
  if (!k.units.length) return <Typography.Text type="secondary">尚未交办</Typography.Text>;
  return (
    <List
      size="small"
      dataSource={k.units}
      renderItem={(u) => (
        <List.Item style={{ padding: '4px 0' }} data-testid="key-unit">
          <Flex wrap gap={4} align="center">
            <span>{u.unitName}（{u.roleLabel}）</span>
            <Tag>{u.status}</Tag>
            {u.overdue ? <Tag color="red">已逾期（期限 {formatDay(u.replyDeadline)}）</Tag> : u.daysLeft !== null ? <Tag color={u.daysLeft <= 10 ? 'orange' : 'default'}>期限 {formatDay(u.replyDeadline)}，剩 {u.daysLeft} 个工作日</Tag> : null}
          </Flex>
        </List.Item>
      )}
    />
  );
}

/** A key proposal as a card (phones first): title, state, leaders, units and overdue, the steps. */
export function KeyCard({ k, extra }: { k: KeyProposalView; extra?: React.ReactNode }) {
  return (
    <Card size="small" style={{ width: '100%' }} data-testid="key-card">
      <Flex vertical gap={6}>
        <Link to={`/proposals/${k.proposalId}`} style={{ fontSize: 16, fontWeight: 600, whiteSpace: 'normal' }}>{k.title}</Link>
        <Flex wrap gap={4}>
          {k.numberText && <Tag>{k.numberText}</Tag>}
          <Tag color={stateColor[k.status]} data-testid="key-status">{k.statusLabel}</Tag>
          <Tag>提案：{k.proposalStatusLabel}</Tag>
          {k.overdue > 0 && <Tag color="red" data-testid="key-overdue">{k.overdue}个单位逾期未答复</Tag>}
        </Flex>
        {(k.chairName || k.govLeaderName) && (
          <Typography.Text type="secondary">领衔督办：{k.chairName ?? '—'} · 领办：{k.govLeaderName ?? '—'}</Typography.Text>
        )}
        <KeyUnits k={k} />
        <KeySteps k={k} />
        {extra}
      </Flex>
    </Card>
  );
}
