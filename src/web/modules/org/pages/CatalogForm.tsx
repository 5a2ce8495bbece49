import { Form, Input, InputNumber, Select } from 'antd';
import { optionsOf } from '@shared/labels';
import { catalogInput } from '@shared/org/inputs';
import { fieldRules } from '../../../app/rules';

const rules = fieldRules(catalogInput);

/** The fields of one catalog entry; 类别 only where the catalog has kinds. */
export function CatalogFields({ kinds }: { kinds: Record<string, string> }) {
  const hasKinds = Object.keys(kinds).length > 0;
  return (
    <>
      <Form.Item name="name" label="名称" rules={rules.name}>
        <Input />
      </Form.Item>
      {hasKinds && (
        <Form.Item name="kind" label="类别" rules={[{ required: true, message: '请选择类别' }, ...rules.kind]}>
          <Select options={optionsOf(kinds)} />
        </Form.Item>
      )}
      <Form.Item name="sortOrder" label="排序" rules={[{ required: true, message: '请输入排序号' }, ...rules.sortOrder]} extra="数字小的排在前面">
        <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="contactName" label="联系人" rules={rules.contactName}>
        <Input />
      </Form.Item>
      <Form.Item name="contactPhone" label="联系电话" rules={rules.contactPhone}>
        <Input />
      </Form.Item>
      <Form.Item name="note" label="备注" rules={rules.note}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </>
  );
}
