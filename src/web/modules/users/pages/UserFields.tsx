import { Form, Input, Select } from 'antd';
import { isOfficerRole, officeLabels, roleLabels } from '@shared/auth/roles';
import { optionsOf } from '@shared/labels';
import { userInput } from '@shared/users/inputs';
import { fieldRules } from '../../../app/rules';
import { MemberPicker } from '../../members/MemberPicker';
import type { Option } from '../../org/useOrgOptions';

const rules = fieldRules(userInput);

/**
 * The account fields. A role brings its link: staff an office, member a member, unit a unit
 * (the server checks the same rule and answers on the field).
 */
export function UserFields({ isNew, units }: { isNew: boolean; units: Option[] }) {
  const roles: string[] = Form.useWatch('roles') ?? [];
  return (
    <>
      <Form.Item name="username" label="用户名" rules={rules.username} extra={isNew ? '3–32 位字母、数字或 _ . -' : undefined}>
        <Input disabled={!isNew} autoComplete="off" />
      </Form.Item>
      <Form.Item name="displayName" label="姓名" rules={rules.displayName}>
        <Input />
      </Form.Item>
      <Form.Item name="roles" label="角色" rules={rules.roles}>
        <Select mode="multiple" options={optionsOf(roleLabels).filter((o) => !isOfficerRole(String(o.value)))} />
      </Form.Item>
      {roles.includes('staff') && (
        <Form.Item name="office" label="所属部门" rules={[{ required: true, message: '机关工作人员须选择所属部门' }, ...rules.office]}>
          <Select options={optionsOf(officeLabels)} />
        </Form.Item>
      )}
      {roles.includes('staff') && (
        <Form.Item name="actsFor" label="经办集体提案单位" rules={rules.actsFor} extra="可为这些党派、专委会或界别录入集体提案（提案委工作人员不受此限）；输入名称后回车">
          <Select mode="tags" open={false} tokenSeparators={['，', ',']} />
        </Form.Item>
      )}
      {roles.includes('member') && (
        <Form.Item name="memberId" label="关联委员" rules={[{ required: true, message: '委员账号须关联委员' }, ...rules.memberId]}>
          <MemberPicker />
        </Form.Item>
      )}
      {roles.includes('unit') && (
        <Form.Item name="unitId" label="关联承办单位" rules={[{ required: true, message: '承办单位账号须关联单位' }, ...rules.unitId]}>
          <Select options={units} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
      )}
      <Form.Item name="phone" label="手机号" rules={rules.phone}>
        <Input inputMode="tel" />
      </Form.Item>
      {isNew && (
        <Form.Item name="password" label="初始密码" rules={rules.password} extra="用户首次登录后应修改密码">
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      )}
    </>
  );
}
