import { lazy } from 'react';
import { ReadOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/navigation';

/**
 * 学习 in the menu: a member opens 我的学习 on a phone (today's 每日一学, what is not yet learned,
 * their reading groups with the check-in form, the year's record); the general office and 委员科
 * keep 每日一学 and 书香政协 under 学习管理. Items and groups open on pages of their own.
 */
const itemPage = lazy(() => import('./pages/ItemPage'));
const groupPage = lazy(() => import('./pages/GroupPage'));

export const learningNavigation: NavItem[] = [
  { key: 'learning-mine', label: '我的学习', icon: <ReadOutlined />, path: '/learning/mine', roles: ['member'], page: lazy(() => import('./pages/MyLearningPage')) },
  {
    key: 'learning',
    label: '学习管理',
    icon: <ReadOutlined />,
    roles: ['staff', 'admin'],
    offices: ['general', 'members'],
    children: [
      { key: 'learning-items', label: '每日一学', path: '/learning/items', roles: ['staff', 'admin'], offices: ['general', 'members'], page: lazy(() => import('./pages/ItemsPage')) },
      { key: 'learning-groups', label: '书香政协', path: '/learning/groups', roles: ['staff', 'admin'], offices: ['general', 'members'], page: lazy(() => import('./pages/GroupsPage')) },
    ],
  },
  { key: 'learning-item', label: '每日一学', path: '/learning/items/:id', roles: ['member', 'leader', 'staff', 'admin'], hidden: true, page: itemPage },
  { key: 'learning-group', label: '读书小组', path: '/learning/groups/:id', roles: ['member', 'leader', 'staff', 'admin'], hidden: true, page: groupPage },
];
