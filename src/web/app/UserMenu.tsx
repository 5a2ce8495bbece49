import { useState } from 'react';
import { Avatar, Dropdown, Grid, Space, Typography } from 'antd';
import { BellOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useAuth, useMe } from './auth';
import { ChangePassword } from './ChangePassword';
import type { Me } from '@shared/auth/responses';
import { officeLabels, roleLabels } from '@shared/auth/roles';

/** 系统管理员、机关工作人员（提案委） */
export const roleText = (me: Me) => me.roles.map((r) => (r === 'staff' && me.office ? `${roleLabels[r]}（${officeLabels[me.office]}）` : roleLabels[r])).join('、');

/** The user's name and role, with 消息接收设置, 修改密码 and 退出登录. */
export function UserMenu() {
  const me = useMe();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const [changing, setChanging] = useState(false);

  const leave = async () => {
    await logout();
    navigate('/login', { replace: true });
  };

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'role', label: roleText(me), disabled: true },
            { type: 'divider' },
            { key: 'notices', icon: <BellOutlined />, label: '消息接收设置', onClick: () => navigate('/messages/settings') },
            { key: 'password', icon: <KeyOutlined />, label: '修改密码', onClick: () => setChanging(true) },
            { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', onClick: leave },
          ],
        }}
      >
        <Space style={{ cursor: 'pointer' }} data-testid="user-menu">
          <Avatar size="small" icon={<UserOutlined />} />
          <Typography.Text>{me.displayName}</Typography.Text>
          {screens.md && <Typography.Text type="secondary">{roleText(me)}</Typography.Text>}
        </Space>
      </Dropdown>
      <ChangePassword open={changing} onClose={() => setChanging(false)} onChanged={() => { setChanging(false); void leave(); }} />
    </>
  );
}
