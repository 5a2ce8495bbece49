import { Suspense, useMemo, useState } from 'react';
import { Button, Drawer, Grid, Layout, Space, Spin, Typography } from 'antd';
import { MenuOutlined } from '@ant-design/icons';
import { matchRoutes, Outlet, useLocation } from 'react-router';
import { useMe } from './auth';
import { pagesFor } from './navigation';
import { NotificationBell } from './NotificationBell';
import { SideMenu } from './SideMenu';
import { UserMenu } from './UserMenu';
import { PageTitleProvider } from './ui/PageTitle';
import { SkipLink, MAIN_ID } from './ui/SkipLink';

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
  const location = useLocation();
  const pages = useMemo(() => pagesFor(me), [me]);
  // the page's name for its document title comes from the navigation table, as its menu item does
  const label = matchRoutes(pages.map((p) => ({ path: p.path, label: p.label })), location)?.at(-1)?.route.label;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <SkipLink />
      {!narrow && (
        <Layout.Sider width={220} breakpoint="lg" collapsible>
          {brand}
          <nav aria-label="主菜单">
            <SideMenu />
          </nav>
        </Layout.Sider>
      )}
      {narrow && (
        <Drawer placement="left" open={drawerOpen} onClose={() => setDrawerOpen(false)} size={240} closable={false} title={null} aria-label="主菜单" styles={{ body: { padding: 0, background: '#001529' } }}>
          {brand}
          <nav aria-label="主菜单">
            <SideMenu onNavigate={() => setDrawerOpen(false)} />
          </nav>
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
        <Layout.Content id={MAIN_ID} tabIndex={-1} style={{ padding: narrow ? 8 : 24, outline: 'none' }}>
          <PageTitleProvider label={label}>
            <Suspense fallback={<div style={{ textAlign: 'center', paddingTop: 80 }}><Spin /></div>}>
              <Outlet />
            </Suspense>
          </PageTitleProvider>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
