import { DatePicker, Form, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { contactBody } from '@shared/handling/inputs';
import { contactMethods, contactStages } from '@shared/handling/labels';
import { handlingPaths } from '@shared/handling/paths';
import { optionsOf } from '@shared/labels';
import { api } from '../../app/api';
import { fieldRules } from '../../app/rules';
import { toBody } from '../../app/forms';
import { FormModal } from '../../app/ui/FormModal';
import type { SubjectType } from './subjects';

const rules = fieldRules(contactBody);

interface Props {
  open: boolean;
  subjectType: SubjectType;
  subjectId: string;
  /** the units to choose from when the person logging is not one of them (the proposer, the office) */
  units?: { unitId: string; unitName: string }[];
  onClose(): void;
  onSaved(): void;
}

/** 沟通记录: each contact between the proposer and a unit, before, during and after handling (not in the future). */
export function ContactDialog({ open, subjectType, subjectId, units, onClose, onSaved }: Props) {
  return (
    <FormModal
      name="contact"
      open={open}
      title="记录沟通情况"
      initialValues={{ stage: 'before', method: 'phone', contactOn: dayjs() }}
      save={(v) => api.post(handlingPaths.contacts, { type: subjectType, subjectId, ...toBody(v) })}
      onSaved={onSaved}
      onClose={onClose}
    >
      {units && (
        <Form.Item name="unitId" label="沟通单位" rules={rules.unitId}>
          <Select allowClear options={units.map((u) => ({ value: u.unitId, label: u.unitName }))} />
        </Form.Item>
      )}
      <Form.Item name="stage" label="沟通阶段" rules={rules.stage}>
        <Select options={optionsOf(contactStages)} />
      </Form.Item>
      <Form.Item name="method" label="沟通方式" rules={rules.method}>
        <Select options={optionsOf(contactMethods)} />
      </Form.Item>
      <Form.Item name="contactOn" label="沟通日期" rules={rules.contactOn}>
        <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item name="summary" label="沟通情况" rules={rules.summary}>
        <Input.TextArea rows={4} />
      </Form.Item>
    </FormModal>
  );
}
