import { DatePicker, Form, Input } from 'antd';
import dayjs from 'dayjs';
import { pathTo } from '@shared/http/paths';
import { completeBody, voidBody } from '@shared/outreach/inputs';
import { outreachPaths } from '@shared/outreach/paths';
import type { Deed } from '@shared/outreach/responses';
import { api } from '../../app/api';
import { toBody } from '../../app/forms';
import { fieldRules } from '../../app/rules';
import { FormModal } from '../../app/ui/FormModal';

const voidRules = fieldRules(voidBody);
const completeRules = fieldRules(completeBody);

const notFuture = (d: dayjs.Dayjs) => d.isAfter(dayjs(), 'day');

/** 作废 a record (staff) at its void path: a reason is required; whatever it earned in the performance record goes with it. */
export function VoidForm({ path, record, onClose, onSaved }: { path: string | null; record: { id: string; version: number } | null; onClose(): void; onSaved(): void }) {
  return (
    <FormModal
      name="outreach_void"
      open={!!record && !!path}
      title="作废记录"
      success="已作废"
      onClose={onClose}
      onSaved={onSaved}
      save={(v) => api.post(path!, { version: record!.version, reason: v.reason })}
    >
      <Form.Item name="reason" label="作废原因" rules={voidRules.reason} extra="作废后记录保留可查，但不再计入履职档案。">
        <Input.TextArea rows={3} data-testid="void-reason" />
      </Form.Item>
    </FormModal>
  );
}

/** 办结 a deed: the day it was done and the result; from then on it counts. */
export function CompleteForm({ deed, onClose, onSaved }: { deed: Deed | null; onClose(): void; onSaved(): void }) {
  return (
    <FormModal
      name="outreach_complete"
      open={!!deed}
      title="办实事办结"
      success="已办结"
      initialValues={{ completedOn: dayjs() }}
      onClose={onClose}
      onSaved={onSaved}
      save={(v) => api.post(pathTo(outreachPaths.deedComplete, { id: deed!.id }), { version: deed!.version, ...toBody(v) })}
    >
      <Form.Item name="completedOn" label="办结日期" rules={completeRules.completedOn}><DatePicker disabledDate={notFuture} data-testid="deed-completed-on" /></Form.Item>
      <Form.Item name="result" label="办理结果" rules={completeRules.result}><Input.TextArea rows={3} data-testid="deed-result" /></Form.Item>
    </FormModal>
  );
}
