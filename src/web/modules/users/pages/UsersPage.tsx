import { useState } from 'react';
import { Button, Input, Popconfirm, Space, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { officeLabels, roleLabels } from '@shared/auth/roles';
import { pathTo } from '@shared/http/paths';
import { labelOf } from '@shared/labels';
import { userPaths } from '@shared/users/paths';
import type { User, UserList } from '@shared/users/responses';
import { api } from '../../../app/api';
import { run } from '../../../app/errors';
import { can, formatTime, toBody } from '../../../app/forms';
import { FormModal } from '../../../app/ui/FormModal';
import { PageCard } from '../../../app/ui/PageCard';
import { StatusTag } from '../../../app/ui/StatusTag';
import { useGet } from '../../../app/query';
import { useOrgOptions } from '../../org/useOrgOptions';
import { PasswordFields } from './PasswordFields';
import { UserFields } from './UserFields';
import { LinkButton } from '../../../app/ui/LinkButton';

/** What an edit sends: links follow the roles, and roles only when changed (no one edits their own). */
function patchBody(user: User, values: Record<string, any>) {
  const roles: string[] = values.roles;
  const body: Record<string, unknown> = {
    version: user.version,
    displayName: values.displayName,
    phone: values.phone ?? null,
    office: roles.includes('staff') ? values.office : null,
    actsFor: roles.includes('staff') ? values.actsFor ?? [] : [],
    memberId: roles.includes('member') ? values.memberId : null,
    unitId: roles.includes('unit') ? values.unitId : null,
  };
  if ([...roles].sort().join() !== [...user.roles].sort().join()) body.roles = roles;
  return body;
}

/** 用户与角色 */
export default function UsersPage() {
  const [q, setQ] = useState('');
  // the account being edited is looked up in the list, so after a conflict the form follows the refetched record
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const { data, isFetching: loading } = useGet<UserList>(userPaths.list);
  const { options } = useOrgOptions(['units']);
  const current = data?.items.find((u) => u.id === editing) ?? null;
  const shown = (data?.items ?? []).filter((u) => !q || u.username.includes(q) || u.displayName.includes(q));

  const toggle = (u: User) => run(() => api.patch(pathTo(userPaths.detail, { id: u.id }), { version: u.version, active: !u.active }), { success: u.active ? '已停用' : '已启用' });

  const columns: TableColumnsType<User> = [
    { title: '用户名', dataIndex: 'username', width: 120, fixed: 'left' },
    { title: '姓名', dataIndex: 'displayName', width: 100 },
    { title: '手机号', dataIndex: 'phone', width: 130, render: (p: User['phone']) => p || '—' },
    { title: '角色', dataIndex: 'roles', render: (roles: User['roles']) => roles.map((r) => <Tag key={r}>{labelOf(roleLabels, r)}</Tag>) },
    { title: '所属部门', dataIndex: 'office', width: 90, render: (o: User['office']) => (o ? labelOf(officeLabels, o) : '—') },
    {
      title: '状态',
      key: 'status',
      width: 110,
      render: (_, u) => (u.lockedUntil && dayjs(u.lockedUntil).isAfter(dayjs()) ? <Tag color="orange">锁定至 {dayjs(u.lockedUntil).format('HH:mm')}</Tag> : <StatusTag active={u.active} />),
    },
    { title: '最近登录', dataIndex: 'lastLoginAt', width: 150, render: formatTime },
    {
      title: '操作',
      key: 'op',
      width: 180,
      render: (_, u) => (
        <Space>
          {can(u, 'update') && <LinkButton onClick={() => setEditing(u.id)}>编辑</LinkButton>}
          {can(u, 'resetPassword') && <LinkButton onClick={() => setResetting(u)}>重置密码</LinkButton>}
          {can(u, 'update') && (
            <Popconfirm title={u.active ? `停用后“${u.displayName}”将无法登录，确定停用？` : `启用“${u.displayName}”？`} onConfirm={() => toggle(u)}>
              <LinkButton>{u.active ? '停用' : '启用'}</LinkButton>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <PageCard
      title="用户与角色"
      extra={
        <>
          <Input.Search placeholder="用户名或姓名" allowClear onSearch={(v) => setQ(v.trim())} style={{ width: 200 }} />
          {can(data, 'create') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>新增用户</Button>}
        </>
      }
    >
      <Table<User> rowKey="id" size="middle" columns={columns} dataSource={shown} loading={loading} scroll={{ x: 1030 }} pagination={{ pageSize: 50, hideOnSinglePage: true }} />
      <FormModal<User>
        name="user"
        open={editing !== null}
        title={current ? `编辑用户：${current.username}` : '新增用户'}
        initialValues={current ?? { roles: [] }}
        save={(v) => (current ? api.patch(pathTo(userPaths.detail, { id: current.id }), patchBody(current, v)) : api.post(userPaths.list, toBody(v)))}
        onSaved={() => setEditing(null)}
        onClose={() => setEditing(null)}
      >
        <UserFields isNew={!current} units={options.units} />
      </FormModal>
      <FormModal<User>
        name="reset"
        open={resetting !== null}
        title={`重置密码：${resetting?.displayName ?? ''}`}
        save={(v) => api.post(pathTo(userPaths.resetPassword, { id: resetting!.id }), { password: v.password })}
        success="密码已重置，该用户需用新密码重新登录"
        onSaved={() => setResetting(null)}
        onClose={() => setResetting(null)}
      >
        <PasswordFields />
      </FormModal>
    </PageCard>
  );
}
