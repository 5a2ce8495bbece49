import { DatePicker, Form, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../app/api';
import { toBody } from '../../app/forms';
import { toOptions } from '../../app/labels';
import { FormModal } from '../../app/ui/FormModal';
import { methodLabels, stageLabels } from './types';

interface Props {
  open: boolean;
  subjectType: 'proposal' | 'opinion';
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
      save={(v) => api.post('/handling/contacts', { type: subjectType, subjectId, ...toBody(v) })}
      onSaved={onSaved}
      onClose={onClose}
    >
      {units && (
        <Form.Item name="unitId" label="沟通单位">
          <Select allowClear options={units.map((u) => ({ value: u.unitId, label: u.unitName }))} />
        </Form.Item>
      )}
      <Form.Item name="stage" label="沟通阶段" rules={[{ required: true }]}>
        <Select options={toOptions(stageLabels)} />
      </Form.Item>
      <Form.Item name="method" label="沟通方式" rules={[{ required: true }]}>
        <Select options={toOptions(methodLabels)} />
      </Form.Item>
      <Form.Item name="contactOn" label="沟通日期" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item name="summary" label="沟通情况" rules={[{ required: true, min: 4, message: '请填写沟通情况（至少4个字）' }]}>
        <Input.TextArea rows={4} />
      </Form.Item>
    </FormModal>
  );
}
