import { lazy } from 'react';
import { NotificationOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/navigation';

/** 新闻公告 in the menu: the general office (办公室) and admins write and publish; leaders read. */
export const newsNavigation: NavItem[] = [
  { key: 'news', label: '新闻公告', icon: <NotificationOutlined />, path: '/news', roles: ['staff', 'admin', 'leader'], offices: ['general'], page: lazy(() => import('./pages/NewsPage')) },
];
