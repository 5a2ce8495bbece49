import { Suspense, useState } from 'react';
import { Button, Drawer, Grid, Layout, Space, Spin, Typography } from 'antd';
import { MenuOutlined } from '@ant-design/icons';
import { Outlet } from 'react-router';
import { useMe } from './auth';
import { NotificationBell } from './NotificationBell';
import { SideMenu } from './SideMenu';
import { UserMenu } from './UserMenu';

const brand = (
  <div style={{ color: '#fff', fontWeight: 600, fontSize: 18, padding: '16px 24px', whiteSpace: 'nowrap' }}>商量</div>
);

/**
 * The frame of every page after login: the role's menu in a Sider on wide screens and in a
 * Drawer behind a hamburger below 768 px; header with committee, bell and user.
 */
export function Shell() {
  const me = useMe();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const [drawerOpen, setDrawerOpen] = useState(false);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!narrow && (
        <Layout.Sider width={220} breakpoint="lg" collapsible>
          {brand}
          <SideMenu />
        </Layout.Sider>
      )}
      {narrow && (
        <Drawer placement="left" open={drawerOpen} onClose={() => setDrawerOpen(false)} size={240} closable={false} styles={{ body: { padding: 0, background: '#001529' } }}>
          {brand}
          <SideMenu onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      )}
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: narrow ? '0 8px' : '0 24px', display: 'flex', alignItems: 'center', gap: 8, borderBottom: '1px solid #f0f0f0' }}>
          {narrow && <Button type="text" aria-label="菜单" icon={<MenuOutlined />} onClick={() => setDrawerOpen(true)} data-testid="nav-toggle" />}
          <Typography.Text strong ellipsis style={{ flex: 1, minWidth: 0 }}>
            {narrow ? me.committee.shortName || me.committee.name : me.committee.name}
          </Typography.Text>
          <Space size={narrow ? 4 : 16}>
            <NotificationBell />
            <UserMenu />
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: narrow ? 8 : 24 }}>
          <Suspense fallback={<div style={{ textAlign: 'center', paddingTop: 80 }}><Spin /></div>}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
