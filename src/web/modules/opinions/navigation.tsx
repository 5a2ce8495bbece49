import { lazy } from 'react';
import { FileTextOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/navigation';

const detail = lazy(() => import('./pages/OpinionDetailPage'));

/**
 * 社情民意 in the menu: members write and follow their own reports; the information office
 * handles, composes issues and counts; leaders read, sign issues and see the figures. The detail
 * page is reachable by everyone a report can be shown to (the server decides which ones).
 */
export const opinionNavigation: NavItem[] = [
  { key: 'opinions-mine', label: '我的社情民意', icon: <FileTextOutlined />, path: '/opinions/mine', roles: ['member'], page: lazy(() => import('./pages/MyOpinionsPage')) },
  {
    key: 'opinions',
    label: '社情民意',
    icon: <FileTextOutlined />,
    roles: ['staff', 'admin', 'leader'],
    offices: ['info'],
    children: [
      { key: 'opinions-queue', label: '信息处理', path: '/opinions/queue', roles: ['staff', 'admin', 'leader'], offices: ['info'], page: lazy(() => import('./pages/QueuePage')) },
      { key: 'opinions-issues', label: '《社情民意》期刊', path: '/opinions/issues', roles: ['staff', 'admin', 'leader'], offices: ['info'], page: lazy(() => import('./pages/IssuesPage')) },
      { key: 'opinions-contact-points', label: '联系点', path: '/opinions/contact-points', roles: ['staff', 'admin', 'leader'], offices: ['info'], page: lazy(() => import('./pages/ContactPointsPage')) },
      { key: 'opinions-stats', label: '统计', path: '/opinions/stats', roles: ['staff', 'admin', 'leader'], offices: ['info'], page: lazy(() => import('./pages/StatsPage')) },
    ],
  },
  { key: 'opinion-detail', label: '信息详情', path: '/opinions/:id', roles: ['member', 'staff', 'admin', 'leader', 'unit'], hidden: true, page: detail },
];
