import { lazy } from 'react';
import { HomeOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/navigation';

/**
 * 委员工作室 in the menu: the studio's members answer the public's questions on a phone; 委员科 and
 * the general office see every studio's, publish the answers and keep each studio's public profile.
 */
export const studioNavigation: NavItem[] = [
  { key: 'studio-questions', label: '工作室线上咨询', icon: <HomeOutlined />, path: '/studios/questions', roles: ['member', 'staff', 'admin'], offices: ['members', 'general'], page: lazy(() => import('./pages/StudioQuestionsPage')) },
  { key: 'studio-profiles', label: '工作室公开信息', path: '/studios', roles: ['staff', 'admin'], offices: ['members', 'general'], page: lazy(() => import('./pages/StudioProfilesPage')) },
];
