import { lazy } from 'react';
import { SoundOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/navigation';

/**
 * 民生诉求 in the menu: 委员科 and the general office route what the public sent; members see the
 * requests in their charge or their studio's, on a phone.
 */
export const requestNavigation: NavItem[] = [
  { key: 'requests', label: '民生诉求', icon: <SoundOutlined />, path: '/requests', roles: ['member', 'staff', 'admin'], offices: ['members', 'general'], page: lazy(() => import('./pages/RequestsPage')) },
  { key: 'request-detail', label: '民生诉求详情', path: '/requests/:id', roles: ['member', 'staff', 'admin'], offices: ['members', 'general'], hidden: true, page: lazy(() => import('./pages/RequestPage')) },
];
