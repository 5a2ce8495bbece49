import { Form, Input, Select } from 'antd';
import { meetingPaths } from '@shared/meetings/paths';
import { speechInput } from '@shared/meetings/inputs';
import { api } from '../../app/api';
import { fieldRules } from '../../app/rules';
import { FormModal } from '../../app/ui/FormModal';
import type { MeetingOptions, Speech } from '@shared/meetings/responses';

const rules = fieldRules(speechInput);

/** 提交大会发言: title and text, for this year's plenary session unless another is chosen. */
export function SpeechForm({ open, options, onClose, onSaved }: { open: boolean; options: MeetingOptions | undefined; onClose(): void; onSaved(s: Speech): void }) {
  return (
    <FormModal<Speech>
      name="speech"
      open={open}
      title="提交大会发言"
      width={760}
      success="已提交"
      onClose={onClose}
      onSaved={onSaved}
      save={(v) => api.post(meetingPaths.speeches, { title: v.title, body: v.body, sessionId: v.sessionId ?? null })}
    >
      <Form.Item name="sessionId" label="所属大会（不选则为本年度大会）">
        <Select allowClear options={(options?.sessions ?? []).map((s) => ({ value: s.id, label: s.name }))} />
      </Form.Item>
      <Form.Item name="title" label="发言题目" rules={rules.title}><Input data-testid="speech-title" /></Form.Item>
      <Form.Item name="body" label="发言内容" rules={rules.body}><Input.TextArea rows={14} showCount data-testid="speech-body" /></Form.Item>
    </FormModal>
  );
}
