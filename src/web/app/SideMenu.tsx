import { Menu, type MenuProps } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useMe } from './auth';
import { visibleNavigation, type NavItem } from './navigation';

type MenuItem = Required<MenuProps>['items'][number];

const toMenuItem = (item: NavItem): MenuItem =>
  item.children
    ? { key: item.key, label: item.label, icon: item.icon, children: item.children.filter((c) => !c.hidden).map(toMenuItem) }
    : { key: item.path ?? item.key, label: item.label, icon: item.icon };

/** The role's menu; the selected item follows the address. */
export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const me = useMe();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const items = visibleNavigation(me).filter((i) => !i.hidden);
  const openGroup = items.find((i) => i.children?.some((c) => c.path && pathname.startsWith(c.path)));
  return (
    <Menu
      mode="inline"
      theme="dark"
      items={items.map(toMenuItem)}
      selectedKeys={[pathname]}
      defaultOpenKeys={openGroup ? [openGroup.key] : []}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
    />
  );
}
