import { lazy } from 'react';
import { EyeOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/navigation';

/**
 * 民主监督 in the menu: the office (办公室) manages groups, topics and suggestions; leaders read them;
 * members see their group and its suggestions (on a phone too); units reach a suggestion from their
 * 待办事项 worklist, and the detail page is open to everyone a suggestion may be shown to.
 */
export const supervisionNavigation: NavItem[] = [
  { key: 'supervision-mine', label: '我的监督小组', icon: <EyeOutlined />, path: '/supervision/mine', roles: ['member'], page: lazy(() => import('./pages/MySupervisionPage')) },
  {
    key: 'supervision',
    label: '民主监督',
    icon: <EyeOutlined />,
    roles: ['staff', 'admin', 'leader'],
    offices: ['general'],
    children: [
      { key: 'supervision-suggestions', label: '监督建议', path: '/supervision/suggestions', roles: ['staff', 'admin', 'leader'], offices: ['general'], page: lazy(() => import('./pages/SuggestionsPage')) },
      { key: 'supervision-topics', label: '监督议题', path: '/supervision/topics', roles: ['staff', 'admin', 'leader'], offices: ['general'], page: lazy(() => import('./pages/TopicsPage')) },
      { key: 'supervision-groups', label: '监督小组', path: '/supervision/groups', roles: ['staff', 'admin', 'leader'], offices: ['general'], page: lazy(() => import('./pages/GroupsPage')) },
    ],
  },
  { key: 'supervision-detail', label: '监督建议详情', path: '/supervision/suggestions/:id', roles: ['member', 'staff', 'admin', 'leader', 'unit'], hidden: true, page: lazy(() => import('./pages/SuggestionDetailPage')) },
];
