import { lazy } from 'react';
import { FileDoneOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/navigation';

/** 年度工作报告: compiled by the general office, read by leaders. */
export const summaryNavigation: NavItem[] = [
  { key: 'summary', label: '年度工作报告', icon: <FileDoneOutlined />, path: '/summary', roles: ['staff', 'admin', 'leader'], offices: ['general'], page: lazy(() => import('./pages/SummaryPage')) },
];
