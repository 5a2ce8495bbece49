import { DatePicker, Form, Input, Radio } from 'antd';
import dayjs from 'dayjs';
import { promiseOutcomeBody } from '@shared/handling/inputs';
import { promiseOutcomes } from '@shared/handling/labels';
import { handlingPaths } from '@shared/handling/paths';
import type { PromiseItem } from '@shared/handling/responses';
import { pathTo } from '@shared/http/paths';
import { optionsOf } from '@shared/labels';
import { api } from '../../app/api';
import { toBody } from '../../app/forms';
import { fieldRules } from '../../app/rules';
import { FormModal } from '../../app/ui/FormModal';

const rules = fieldRules(promiseOutcomeBody);

/** 登记兑现情况: whether a due promise was kept, with what was found and the day it was checked (not after today). */
export function PromiseOutcomeDialog({ item, onClose, onSaved }: { item: PromiseItem | null; onClose(): void; onSaved(): void }) {
  const initial = item ? { outcome: item.outcome ?? undefined, note: item.note ?? undefined, checkedOn: dayjs(item.checkedOn ?? undefined) } : undefined;
  return (
    <FormModal
      name="promiseOutcome"
      open={item !== null}
      title="登记承诺兑现情况"
      initialValues={initial}
      save={(v) => api.post(pathTo(handlingPaths.promiseOutcome, { id: item!.id }), { version: item!.version, ...toBody(v) })}
      onSaved={onSaved}
      onClose={onClose}
      onConflict={onSaved}
    >
      {item && (
        <p style={{ marginTop: 0 }}>
          {item.unitName}承诺：{item.promise}（{item.promisedBy} 前）
        </p>
      )}
      <Form.Item name="outcome" label="兑现情况" rules={rules.outcome}>
        <Radio.Group options={optionsOf(promiseOutcomes)} />
      </Form.Item>
      <Form.Item name="note" label="情况说明" rules={rules.note}>
        <Input.TextArea rows={4} maxLength={2000} />
      </Form.Item>
      <Form.Item name="checkedOn" label="核实日期" rules={rules.checkedOn}>
        <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
    </FormModal>
  );
}
