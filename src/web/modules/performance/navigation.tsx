import { lazy } from 'react';
import { TrophyOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/navigation';

const record = lazy(() => import('./pages/RecordPage'));
const staff = ['staff', 'admin', 'leader'] as NavItem['roles'];

/**
 * 履职档案与考核 in the menu: a member sees their own record; staff, leaders and admins see the
 * rankings, the lists to commend or talk to, each member's record, and the scoring rules.
 */
export const performanceNavigation: NavItem[] = [
  { key: 'performance-me', label: '我的履职', icon: <TrophyOutlined />, path: '/performance/me', roles: ['member'], page: record },
  {
    key: 'performance',
    label: '履职考核',
    icon: <TrophyOutlined />,
    roles: staff,
    children: [
      { key: 'performance-rankings', label: '履职排名', path: '/performance/rankings', roles: staff, page: lazy(() => import('./pages/RankingsPage')) },
      { key: 'performance-lists', label: '表彰与约谈名单', path: '/performance/lists', roles: staff, page: lazy(() => import('./pages/ListsPage')) },
      { key: 'performance-rules', label: '考核办法', path: '/performance/rules', roles: staff, page: lazy(() => import('./pages/SchemePage')) },
    ],
  },
  { key: 'performance-member', label: '委员履职档案', path: '/performance/members/:memberId', roles: staff, hidden: true, page: record },
];
