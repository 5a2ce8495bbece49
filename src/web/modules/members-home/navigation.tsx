import { lazy } from 'react';
import { ShopOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/navigation';

/**
 * 委员之家 in the menu: the member on duty (a member of the chairs' meeting or a special committee's
 * director) opens 我的值班 on a phone; everyone reads the rota; the general office and 委员科 keep the
 * rota and, with leaders, read the visit log.
 */
const dutyPage = lazy(() => import('./pages/DutyPage'));

export const membersHomeNavigation: NavItem[] = [
  {
    key: 'members-home',
    label: '委员之家',
    icon: <ShopOutlined />,
    roles: ['member', 'leader', 'staff', 'admin'],
    children: [
      { key: 'members-home-today', label: '我的值班', path: '/members-home/today', roles: ['member'], page: dutyPage },
      { key: 'members-home-rota', label: '值班表', path: '/members-home', roles: ['member', 'leader', 'staff', 'admin'], page: lazy(() => import('./pages/RotaPage')) },
      { key: 'members-home-visits', label: '接待记录', path: '/members-home/visits', roles: ['leader', 'staff', 'admin'], offices: ['general', 'members'], page: lazy(() => import('./pages/VisitLogPage')) },
    ],
  },
  { key: 'members-home-duty', label: '委员之家值班', path: '/members-home/duties/:id', roles: ['member', 'leader', 'staff', 'admin'], hidden: true, page: dutyPage },
];
