import { lazy } from 'react';
import { AuditOutlined } from '@ant-design/icons';
import type { NavItem } from '../../../app/navigation';

/** 提案审查 for the proposal office (and admins): queue, same-issue groups with merging, overdue. */
export const reviewNavigation: NavItem[] = [
  { key: 'proposal-review', label: '提案审查', icon: <AuditOutlined />, path: '/proposals/review', roles: ['staff', 'admin'], offices: ['proposal'], page: lazy(() => import('./pages/ReviewPage')) },
];
