import { DatePicker, Form, Input, Radio, Switch } from 'antd';
import dayjs from 'dayjs';
import { replyBody } from '@shared/handling/inputs';
import { handlingPaths } from '@shared/handling/paths';
import type { Reply } from '@shared/handling/responses';
import { api } from '../../app/api';
import { toBody } from '../../app/forms';
import { fieldRules } from '../../app/rules';
import { FormModal } from '../../app/ui/FormModal';
import type { AnswerClass } from './RepliesList';
import type { SubjectType } from './subjects';

const rules = fieldRules(replyBody);

/** Inside the form, so that watching 是否公开 sees the form's own value. */
function ReplyFields({ answerClasses }: { answerClasses: AnswerClass[] }) {
  const disclose = Form.useWatch('disclose');
  const answerClass = Form.useWatch('answerClass');
  // a promise class (列入计划 by the settings) says what it promises and by when; the server requires both
  const promised = answerClasses.some((c) => c.code === answerClass && c.promise);
  return (
    <>
      <Form.Item name="answerClass" label="答复类别" rules={rules.answerClass}>
        <Radio.Group options={answerClasses.map((c) => ({ value: c.code, label: `${c.code}类 ${c.label}` }))} />
      </Form.Item>
      <Form.Item name="body" label="答复正文" rules={rules.body}>
        <Input.TextArea rows={10} />
      </Form.Item>
      {promised && (
        <>
          <Form.Item name="promise" label="承诺事项" rules={[{ required: true, message: '本类答复属承诺事项，须写明承诺做什么' }, ...rules.promise]} extra="到期后由本单位或督办科室登记兑现情况">
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item name="promisedBy" label="承诺完成期限" rules={[{ required: true, message: '须写明在哪一天前完成' }, ...rules.promisedBy]}>
            <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
          </Form.Item>
        </>
      )}
      <Form.Item name="contactPerson" label="联系人" rules={rules.contactPerson}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="contactPhone" label="联系电话" rules={rules.contactPhone}>
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item name="disclose" label="是否公开" valuePropName="checked">
        <Switch checkedChildren="公开" unCheckedChildren="不公开" />
      </Form.Item>
      {disclose === false && (
        <Form.Item name="nondisclosureReason" label="不公开理由" rules={[{ required: true, message: '不公开须说明理由' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      )}
    </>
  );
}

/** The lead (or sole / split) unit drafts its reply; saving again replaces the draft (and needs signing again). */
export function ReplyDialog({ open, subjectType, subjectId, draft, answerClasses, onClose, onSaved }: { open: boolean; subjectType: SubjectType; subjectId: string; draft: Reply | null; answerClasses: AnswerClass[]; onClose(): void; onSaved(): void }) {
  const initial = draft
    ? {
        answerClass: draft.answerClass, body: draft.body, contactPerson: draft.contactPerson, contactPhone: draft.contactPhone, disclose: draft.disclose, nondisclosureReason: draft.nondisclosureReason,
        promise: draft.promise ?? undefined, promisedBy: draft.promisedBy ? dayjs(draft.promisedBy) : undefined,
      }
    : { disclose: true };
  return (
    <FormModal
      name="reply"
      open={open}
      width={720}
      title={draft ? '修改答复' : '起草答复'}
      initialValues={initial}
      save={(v) => api.post(handlingPaths.replies, { type: subjectType, subjectId, version: draft?.version, ...toBody(v), nondisclosureReason: v.disclose ? null : v.nondisclosureReason })}
      onSaved={onSaved}
      onClose={onClose}
      onConflict={onSaved}
    >
      <ReplyFields answerClasses={answerClasses} />
    </FormModal>
  );
}
