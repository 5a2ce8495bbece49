import { Form, Input, InputNumber, Select } from 'antd';
import { pathTo } from '@shared/http/paths';
import { pollKinds } from '@shared/consultation/labels';
import { consultationPaths } from '@shared/consultation/paths';
import { pollCreate, roomActionBodies } from '@shared/consultation/room-inputs';
import type { RoomDetail } from '@shared/consultation/room-responses';
import { optionsOf } from '@shared/labels';
import { api } from '../../../app/api';
import { fieldRules } from '../../../app/rules';
import { FormModal } from '../../../app/ui/FormModal';

const pollRules = fieldRules(pollCreate);
const summaryRules = fieldRules(roomActionBodies.summarize);

/** 发起投票: the question, how it is answered, and its options one a line. */
export function PollForm({ open, roomId, onClose }: { open: boolean; roomId: string; onClose(): void }) {
  return (
    <FormModal<RoomDetail>
      name="poll"
      open={open}
      title="发起投票"
      initialValues={{ kind: 'single' }}
      save={(v) => api.post<RoomDetail>(pathTo(consultationPaths.roomPolls, { id: roomId }), { ...v, options: String(v.options ?? '').split('\n').map((o) => o.trim()).filter(Boolean) })}
      onSaved={onClose}
      onClose={onClose}
      success="投票已发起"
    >
      <Form.Item name="question" label="投票题目" rules={pollRules.question}>
        <Input data-testid="poll-question" />
      </Form.Item>
      <Form.Item name="kind" label="投票方式" rules={pollRules.kind}>
        <Select options={optionsOf(pollKinds)} data-testid="poll-kind" />
      </Form.Item>
      <Form.Item name="options" label="选项（每行一项，2至10项）" rules={[{ required: true, message: '请填写选项' }]}>
        <Input.TextArea rows={5} data-testid="poll-options" />
      </Form.Item>
      <Form.Item name="maxChoices" label="最多可选（多选题，可不填）">
        <InputNumber min={1} max={10} />
      </Form.Item>
    </FormModal>
  );
}

/** 形成议政综述: what the room said, as it goes into the consultation's outcome; the room is read-only after. */
export function SummaryForm({ open, room, onClose }: { open: boolean; room: RoomDetail; onClose(): void }) {
  return (
    <FormModal<RoomDetail>
      name="summary"
      open={open}
      title="形成议政综述"
      initialValues={{ summary: room.summary ?? '' }}
      save={(v) => api.post<RoomDetail>(pathTo(consultationPaths.roomAction, { id: room.id, action: 'summarize' }), { version: room.version, summary: v.summary })}
      onSaved={onClose}
      onClose={onClose}
      success="议政综述已形成"
    >
      <Form.Item name="summary" label="议政综述" rules={summaryRules.summary} extra="综述将纳入协商成果，议政室随之结束">
        <Input.TextArea rows={8} data-testid="room-summary-text" />
      </Form.Item>
    </FormModal>
  );
}
