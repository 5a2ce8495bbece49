import { DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { pathTo } from '@shared/http/paths';
import { meetingPaths } from '@shared/meetings/paths';
import { api } from '../../app/api';
import { FormModal } from '../../app/ui/FormModal';
import type { Invitee, MeetingDetail } from '@shared/meetings/responses';

interface Props {
  meeting: MeetingDetail;
  invitee: Invitee | null;
  onClose(): void;
  onSaved(d: MeetingDetail): void;
  onConflict(): void;
}

const iso = (d: Dayjs | null | undefined) => (d ? d.toISOString() : null);

/** 代为签到、记录迟到与早退: arrival and leaving times on a member's behalf (empty clears them). */
export function AttendanceModal({ meeting, invitee, onClose, onSaved, onConflict }: Props) {
  return (
    <FormModal<MeetingDetail>
      name="attendance"
      open={invitee !== null}
      title={invitee ? `记录考勤：${invitee.name}` : ''}
      initialValues={invitee ? { checkedInAt: invitee.checkedInAt ? dayjs(invitee.checkedInAt) : dayjs(), leftAt: invitee.leftAt ? dayjs(invitee.leftAt) : undefined, note: invitee.note ?? '' } : undefined}
      onClose={onClose}
      onSaved={onSaved}
      onConflict={onConflict}
      save={(v) => api.post(pathTo(meetingPaths.attendance, { id: meeting.id, memberId: invitee!.memberId }), { version: invitee!.version, checkedInAt: iso(v.checkedInAt), leftAt: iso(v.leftAt), note: v.note || null })}
    >
      <Form.Item name="checkedInAt" label="签到时间" extra={`开始${meeting.rules.lateAfterMinutes}分钟后签到记为迟到；清空即取消签到`}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" data-testid="attendance-checkin" />
      </Form.Item>
      <Form.Item name="leftAt" label="离会时间（早退）" extra={`出席时长不足${Math.round(meeting.rules.minAttendanceShare * 100)}%按缺席计`}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
      </Form.Item>
      <Form.Item name="note" label="备注"><Input maxLength={200} /></Form.Item>
    </FormModal>
  );
}
