import { DatePicker, Form, Input, Switch } from 'antd';
import dayjs from 'dayjs';
import { pathTo } from '@shared/http/paths';
import { meetingPaths } from '@shared/meetings/paths';
import { meetingPatch } from '@shared/meetings/inputs';
import { api } from '../../app/api';
import { fieldRules } from '../../app/rules';
import { FormModal } from '../../app/ui/FormModal';
import type { MeetingDetail } from '@shared/meetings/responses';

const rules = fieldRules(meetingPatch);

interface Props {
  meeting: MeetingDetail;
  open: boolean;
  onClose(): void;
  onSaved(d: MeetingDetail): void;
  onConflict(): void;
}

/** 修改会议活动: time, place, agenda, materials and minutes (as text; files are uploaded beside). */
export function EditMeetingModal({ meeting: m, open, onClose, onSaved, onConflict }: Props) {
  return (
    <FormModal<MeetingDetail>
      name="meeting-edit"
      open={open}
      title="修改会议活动"
      width={720}
      initialValues={{ title: m.title, time: [dayjs(m.startsAt), dayjs(m.endsAt)], location: m.location, mandatory: m.mandatory, agenda: m.agenda, materials: m.materials, minutes: m.minutes }}
      onClose={onClose}
      onSaved={onSaved}
      onConflict={onConflict}
      save={(v) =>
        api.patch(pathTo(meetingPaths.detail, { id: m.id }), {
          version: m.version, title: v.title, location: v.location ?? '', mandatory: v.mandatory, agenda: v.agenda ?? '', materials: v.materials ?? '', minutes: v.minutes ?? '',
          // the time of a closed event is fixed with its attendance
          ...(m.status === 'scheduled' ? { startsAt: v.time[0].toISOString(), endsAt: v.time[1].toISOString() } : {}),
        })
      }
    >
      <Form.Item name="title" label="名称" rules={[{ required: true, message: '请输入名称' }, ...rules.title]}><Input /></Form.Item>
      <Form.Item name="time" label="时间" rules={[{ required: true }]}>
        <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabled={m.status !== 'scheduled'} />
      </Form.Item>
      <Form.Item name="location" label="地点" rules={rules.location}><Input /></Form.Item>
      <Form.Item name="mandatory" label="须出席" valuePropName="checked"><Switch disabled={m.status !== 'scheduled'} /></Form.Item>
      <Form.Item name="agenda" label="议程" rules={rules.agenda}><Input.TextArea rows={3} /></Form.Item>
      <Form.Item name="materials" label="会议材料（文字）" rules={rules.materials}><Input.TextArea rows={4} /></Form.Item>
      <Form.Item name="minutes" label="会议纪要" rules={rules.minutes}><Input.TextArea rows={6} data-testid="meeting-minutes" /></Form.Item>
    </FormModal>
  );
}
