import { lazy } from 'react';
import { BarChartOutlined } from '@ant-design/icons';
import type { NavItem } from '../../../app/navigation';

/** 提案统计 for the proposal office and the general office (who report the figures), admins and leaders. */
export const proposalStatsNavigation: NavItem[] = [
  {
    key: 'proposal-stats',
    label: '提案统计',
    path: '/proposals/stats',
    icon: <BarChartOutlined />,
    roles: ['staff', 'admin', 'leader'],
    offices: ['proposal', 'general'],
    page: lazy(() => import('./ProposalStatsPage')),
  },
];
