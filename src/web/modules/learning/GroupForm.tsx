import { DatePicker, Form, Input } from 'antd';
import dayjs from 'dayjs';
import { pathTo } from '@shared/http/paths';
import { groupUpdate } from '@shared/learning/inputs';
import { learningPaths } from '@shared/learning/paths';
import type { GroupDetail, GroupRow } from '@shared/learning/responses';
import { api } from '../../app/api';
import { toBody, toForm } from '../../app/forms';
import { fieldRules } from '../../app/rules';
import { FormModal } from '../../app/ui/FormModal';
import { MemberPicker } from '../members/MemberPicker';

const rules = fieldRules(groupUpdate);
const required = (label: string) => [{ required: true, message: `请填写${label}` }];

/** Sets up a reading group (or edits one, `group`): name, book, period, description, members from the roster. */
export function GroupForm({ group, open, onClose, onSaved }: { group?: GroupDetail; open: boolean; onClose(): void; onSaved(g: GroupRow): void }) {
  return (
    <FormModal<GroupRow>
      name="readingGroup"
      open={open}
      title={group ? '修改读书小组' : '新建读书小组'}
      initialValues={group
        ? toForm({ name: group.name, bookTitle: group.bookTitle, description: group.description ?? '', startsOn: group.startsOn, endsOn: group.endsOn, memberIds: group.members.map((m) => m.memberId) }, ['startsOn', 'endsOn'])
        : { startsOn: dayjs(), endsOn: dayjs().add(1, 'month') }}
      save={(v) => (group ? api.patch(pathTo(learningPaths.group, { id: group.id }), { ...toBody(v), version: group.version }) : api.post(learningPaths.groups, toBody(v)))}
      onSaved={onSaved}
      onClose={onClose}
    >
      <Form.Item name="name" label="读书小组名称" rules={[...required('读书小组名称'), ...rules.name]}><Input data-testid="group-name" /></Form.Item>
      <Form.Item name="bookTitle" label="书名" rules={[...required('书名'), ...rules.bookTitle]}><Input data-testid="group-book" /></Form.Item>
      <Form.Item name="startsOn" label="开始日期" rules={required('开始日期')}><DatePicker style={{ width: '100%' }} /></Form.Item>
      <Form.Item name="endsOn" label="结束日期" rules={required('结束日期')}><DatePicker style={{ width: '100%' }} /></Form.Item>
      <Form.Item name="memberIds" label="小组成员" rules={[{ required: true, message: '请至少选择一位委员' }]}>
        <MemberPicker multiple known={group ? group.members.map((m) => ({ value: m.memberId, label: m.name })) : []} />
      </Form.Item>
      <Form.Item name="description" label="简介" rules={rules.description}><Input.TextArea rows={3} data-testid="group-description" /></Form.Item>
    </FormModal>
  );
}
