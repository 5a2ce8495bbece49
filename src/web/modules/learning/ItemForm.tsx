import { DatePicker, Form, Input } from 'antd';
import dayjs from 'dayjs';
import { pathTo } from '@shared/http/paths';
import { itemInput } from '@shared/learning/inputs';
import { learningPaths } from '@shared/learning/paths';
import type { ItemRow } from '@shared/learning/responses';
import { api } from '../../app/api';
import { toBody, toForm } from '../../app/forms';
import { fieldRules } from '../../app/rules';
import { FormModal } from '../../app/ui/FormModal';

const rules = fieldRules(itemInput);

/** Drafts a 每日一学 item, or edits a draft (`item`). */
export function ItemForm({ item, open, onClose, onSaved }: { item?: ItemRow; open: boolean; onClose(): void; onSaved(i: ItemRow): void }) {
  return (
    <FormModal<ItemRow>
      name="learningItem"
      open={open}
      title={item ? '修改每日一学' : '起草每日一学'}
      initialValues={item ? toForm({ title: item.title, body: item.body, source: item.source, link: item.link ?? '', forDate: item.forDate }, ['forDate']) : { forDate: dayjs() }}
      save={(v) => (item ? api.patch(pathTo(learningPaths.item, { id: item.id }), { ...toBody(v), version: item.version }) : api.post(learningPaths.items, toBody(v)))}
      onSaved={onSaved}
      onClose={onClose}
    >
      <Form.Item name="title" label="标题" rules={rules.title}><Input data-testid="item-title" /></Form.Item>
      <Form.Item name="forDate" label="学习日期" rules={rules.forDate}><DatePicker style={{ width: '100%' }} data-testid="item-for-date" /></Form.Item>
      <Form.Item name="source" label="出处" rules={rules.source}><Input data-testid="item-source" placeholder="如：《求是》2024年第10期" /></Form.Item>
      <Form.Item name="link" label="链接" rules={rules.link}><Input data-testid="item-link" placeholder="https://" /></Form.Item>
      <Form.Item name="body" label="正文" rules={rules.body}><Input.TextArea rows={8} data-testid="item-body" /></Form.Item>
    </FormModal>
  );
}
