import { useState } from 'react';
import { GuardedButton } from '../../app/ui/GuardedButton';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, List, Tag } from 'antd';
import { pathTo } from '@shared/http/paths';
import { meetingPaths } from '@shared/meetings/paths';
import { leaveBody } from '@shared/meetings/inputs';
import { api } from '../../app/api';
import { fieldRule } from '../../app/rules';
import { run } from '../../app/errors';
import { can, formatTime } from '../../app/forms';
import { FormModal } from '../../app/ui/FormModal';
import type { MeetingDetail } from '@shared/meetings/responses';
import { outcomeColors } from './colors';
import { LinkButton } from '../../app/ui/LinkButton';

interface Props {
  meeting: MeetingDetail;
  onChange(d: MeetingDetail): void;
  reload(): void;
}

/** The invited member's part: reply, ask for leave (with the reason), withdraw it, see check-in and outcome. */
export function MyInvitation({ meeting: m, onChange, reload }: Props) {
  const [asking, setAsking] = useState(false);
  const mine = m.mine!;
  const reply = (attend: boolean) => run(() => api.post<MeetingDetail>(pathTo(meetingPaths.reply, { id: m.id }), { attend }), { success: '已回复' }).then((d) => d && onChange(d));
  const withdraw = (id: string, version: number) => run(() => api.post<MeetingDetail>(pathTo(meetingPaths.withdrawLeave, { id }), { version }), { success: '已撤回', onConflict: reload }).then((d) => d && onChange(d));
  const left = m.rules.maxLeaveRequests - m.myLeaveRequests.filter((r) => r.status !== 'withdrawn').length;

  return (
    <Card title="我的参会" size="small" data-testid="my-invitation">
      {m.status === 'scheduled' && !mine.checkedInAt && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message="到达会场后，请用手机扫描现场大屏上的签到二维码完成签到。" />
      )}
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label="回复">{mine.replyLabel}</Descriptions.Item>
        <Descriptions.Item label="签到">{mine.checkedInAt ? <Tag color="green" data-testid="my-checkin">已签到 {formatTime(mine.checkedInAt)}</Tag> : '未签到'}</Descriptions.Item>
        <Descriptions.Item label="出席情况">{mine.outcome ? <Tag color={outcomeColors[mine.outcome]}>{mine.outcomeLabel}</Tag> : '会后确认'}</Descriptions.Item>
      </Descriptions>
      <Flex gap={8} wrap style={{ margin: '8px 0' }}>
        {can(m, 'reply') && <Button type={mine.reply === 'accepted' ? 'primary' : 'default'} onClick={() => reply(true)} data-testid="reply-attend">将出席</Button>}
        {can(m, 'reply') && <Button onClick={() => reply(false)}>不出席</Button>}
        {can(m, 'requestLeave') && (
          <GuardedButton danger onClick={() => setAsking(true)} why={left <= 0 ? `本次活动最多可申请请假${m.rules.maxLeaveRequests}次，已用完` : null} data-testid="leave-request">请假{left < m.rules.maxLeaveRequests ? `（还可申请${Math.max(0, left)}次）` : ''}</GuardedButton>
        )}
      </Flex>
      {m.myLeaveRequests.length > 0 && (
        <List
          size="small"
          header="我的请假申请"
          dataSource={m.myLeaveRequests}
          renderItem={(r) => (
            <List.Item actions={r.status === 'pending' ? [<LinkButton key="w" onClick={() => withdraw(r.id, r.version)}>撤回</LinkButton>] : []} data-testid="my-leave">
              <Tag color={r.status === 'approved' ? 'blue' : r.status === 'refused' ? 'volcano' : r.status === 'pending' ? 'gold' : 'default'}>{r.statusLabel}</Tag>
              {r.reason}
              {r.decisionNote ? `（审批意见：${r.decisionNote}）` : ''}
            </List.Item>
          )}
        />
      )}
      <FormModal<MeetingDetail>
        name="leave"
        open={asking}
        title="请假"
        success="请假申请已提交，等待审批"
        onClose={() => setAsking(false)}
        onSaved={(d) => {
          setAsking(false);
          onChange(d);
        }}
        save={(v) => api.post(pathTo(meetingPaths.leave, { id: m.id }), { reason: v.reason })}
      >
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`每次活动最多申请请假${m.rules.maxLeaveRequests}次；须出席的会议活动，请假经批准方为请假，否则按缺席计。`} />
        <Form.Item name="reason" label="请假事由" rules={[fieldRule(leaveBody.shape.reason)]}><Input.TextArea rows={4} data-testid="leave-reason" /></Form.Item>
      </FormModal>
    </Card>
  );
}
