import { lazy } from 'react';
import { SolutionOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/navigation';

/** The handling unit's worklist; each row opens the proposal, where the handling panel shows the unit's actions. */
export const handlingNavigation: NavItem[] = [
  { key: 'unit-proposals', label: '待办提案', icon: <SolutionOutlined />, path: '/handling/proposals', roles: ['unit'], page: lazy(() => import('./pages/UnitWorklistPage')) },
];
