import { lazy } from 'react';
import { DashboardOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/navigation';

/** 驾驶舱: the leaders' charts of the year; the general office (who prepares the figures) and admins see it too. */
export const cockpitNavigation: NavItem[] = [
  { key: 'cockpit', label: '驾驶舱', icon: <DashboardOutlined />, path: '/cockpit', roles: ['leader', 'staff', 'admin'], offices: ['general'], page: lazy(() => import('./pages/CockpitPage')) },
];
