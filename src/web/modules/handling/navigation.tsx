import { lazy } from 'react';
import { SolutionOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/navigation';

/**
 * The handling unit's menu: one worklist of everything waiting for it, of every handled type;
 * each row opens the record, where the handling panel shows the unit's actions. The proposals it
 * handled, finished ones included, are a link away from the worklist.
 */
export const handlingNavigation: NavItem[] = [
  { key: 'unit-worklist', label: '待办事项', icon: <SolutionOutlined />, path: '/handling', roles: ['unit'], page: lazy(() => import('./pages/WorklistPage')) },
  { key: 'unit-proposals', label: '提案办理记录', path: '/handling/proposals', roles: ['unit'], hidden: true, page: lazy(() => import('./pages/UnitProposalsPage')) },
];
