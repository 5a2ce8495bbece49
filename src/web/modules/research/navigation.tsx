import { lazy } from 'react';
import { AimOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/navigation';

/**
 * 调研视察 in the menu: the general office (办公室) keeps the topics; leaders read them; members
 * volunteer, follow their groups and write the reports on 我的调研. Departments open a topic from
 * the item on their worklist (reachable, not a menu item).
 */
export const researchNavigation: NavItem[] = [
  {
    key: 'research',
    label: '调研视察',
    icon: <AimOutlined />,
    roles: ['member', 'staff', 'admin', 'leader'],
    offices: ['general'],
    children: [
      { key: 'research-mine', label: '我的调研', path: '/research/mine', roles: ['member'], page: lazy(() => import('./pages/MyResearchPage')) },
      { key: 'research-topics', label: '调研课题', path: '/research/topics', roles: ['member', 'staff', 'admin', 'leader'], offices: ['general'], page: lazy(() => import('./pages/TopicsPage')) },
    ],
  },
  { key: 'research-topic', label: '调研课题', path: '/research/topics/:id', roles: ['member', 'staff', 'admin', 'leader', 'unit'], hidden: true, page: lazy(() => import('./pages/TopicPage')) },
  { key: 'research-item', label: '调研建议', path: '/research/items/:id', roles: ['member', 'staff', 'admin', 'leader', 'unit'], hidden: true, page: lazy(() => import('./pages/ItemPage')) },
];
