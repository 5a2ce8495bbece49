import { lazy } from 'react';
import { CommentOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/navigation';

/**
 * 联系群众 in the menu: a member keeps their own contact log, paired contacts, deeds and public
 * service; staff, leaders and admins see every member's. Livelihood councils are 协商议政's 基层协商.
 */
const staffPage = lazy(() => import('./pages/OutreachStaffPage'));
const staff = ['staff', 'admin', 'leader'] as NavItem['roles'];

export const outreachNavigation: NavItem[] = [
  { key: 'outreach-mine', label: '联系群众', icon: <CommentOutlined />, path: '/outreach', roles: ['member'], page: lazy(() => import('./pages/OutreachPage')) },
  { key: 'outreach-all', label: '委员联系群众', icon: <CommentOutlined />, path: '/outreach/all', roles: staff, page: staffPage },
  // a performance record links each entry to /outreach?tab=…: staff land on their own page (a member's row comes first)
  { key: 'outreach-link', label: '委员联系群众', path: '/outreach', roles: staff, hidden: true, page: staffPage },
];
