import { lazy } from 'react';
import { CommentOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/navigation';

/**
 * 联系群众 in the menu: a member keeps their own contact log, paired contacts, deeds and public
 * service; staff, leaders and admins see every member's and record livelihood councils.
 */
export const outreachNavigation: NavItem[] = [
  { key: 'outreach-mine', label: '联系群众', icon: <CommentOutlined />, path: '/outreach', roles: ['member'], page: lazy(() => import('./pages/OutreachPage')) },
  { key: 'outreach-all', label: '委员联系群众', icon: <CommentOutlined />, path: '/outreach/all', roles: ['staff', 'admin', 'leader'], page: lazy(() => import('./pages/OutreachStaffPage')) },
];
