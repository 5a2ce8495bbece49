import { Form, Input } from 'antd';
import { passwordReset } from '@shared/users/inputs';
import { fieldRule } from '../../../app/rules';

/** New password twice; the server judges strength and answers on `password`. */
export function PasswordFields() {
  return (
    <>
      <Form.Item name="password" label="新密码" rules={[fieldRule(passwordReset.shape.password)]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label="确认新密码"
        dependencies={['password']}
        rules={[{ required: true, message: '请再次输入' }, ({ getFieldValue }) => ({ validator: (_, v) => (!v || v === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))) })]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
