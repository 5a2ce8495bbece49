import { Form, Input, Modal } from 'antd';
import { passwordBody } from '@shared/auth/inputs';
import { authPaths } from '@shared/auth/paths';
import { api } from './api';
import { submitForm } from './errors';
import { fieldRules } from './rules';

const rules = fieldRules(passwordBody);

/** 修改密码: the server ends every session of the user afterwards, so the person logs in again. */
export function ChangePassword({ open, onClose, onChanged }: { open: boolean; onClose(): void; onChanged(): void }) {
  const [form] = Form.useForm();
  const save = async () => {
    const values = await form.validateFields();
    const ok = await submitForm(form, () => api.post(authPaths.password, { oldPassword: values.oldPassword, newPassword: values.newPassword }), { success: '密码已修改，请重新登录' });
    if (ok) onChanged();
  };
  return (
    <Modal title="修改密码" open={open} onCancel={onClose} onOk={save} destroyOnHidden okText="保存">
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="oldPassword" label="原密码" rules={rules.oldPassword}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label="新密码" rules={rules.newPassword}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="确认新密码"
          dependencies={['newPassword']}
          rules={[{ required: true }, ({ getFieldValue }) => ({ validator: (_, v) => (!v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))) })]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
