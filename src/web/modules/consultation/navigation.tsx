import { lazy } from 'react';
import { CommentOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/navigation';

/**
 * 协商议政 in the menu: members suggest topics and read the approved plan; the general office
 * (办公室) keeps the topics and drafts the plan; leaders review it; departments open what was
 * sent to them from their worklist (the consultation page is reachable, not a menu item, for them).
 */
export const consultationNavigation: NavItem[] = [
  {
    key: 'consultation',
    label: '协商议政',
    icon: <CommentOutlined />,
    roles: ['member', 'staff', 'admin', 'leader'],
    offices: ['general'],
    children: [
      { key: 'consultation-topics', label: '协商选题', path: '/consultation/topics', roles: ['member', 'staff', 'admin', 'leader'], offices: ['general'], page: lazy(() => import('./pages/TopicsPage')) },
      { key: 'consultation-rooms', label: '网络议政', path: '/consultation/rooms', roles: ['member', 'staff', 'admin', 'leader'], offices: ['general'], page: lazy(() => import('./pages/RoomsPage')) },
      { key: 'consultation-councils', label: '基层协商', path: '/consultation/councils', roles: ['member', 'staff', 'admin', 'leader'], offices: ['general'], page: lazy(() => import('./pages/CouncilsPage')) },
      { key: 'consultation-plans', label: '年度协商计划', path: '/consultation/plans', roles: ['member', 'staff', 'admin', 'leader'], offices: ['general'], page: lazy(() => import('./pages/PlansPage')) },
    ],
  },
  { key: 'consultation-plan', label: '协商计划', path: '/consultation/plans/:id', roles: ['member', 'staff', 'admin', 'leader', 'unit'], hidden: true, page: lazy(() => import('./pages/PlanPage')) },
  { key: 'consultation-detail', label: '协商活动', path: '/consultation/consultations/:id', roles: ['member', 'staff', 'admin', 'leader', 'unit'], hidden: true, page: lazy(() => import('./pages/ConsultationPage')) },
  { key: 'consultation-room', label: '网络议政室', path: '/consultation/rooms/:id', roles: ['member', 'staff', 'admin', 'leader'], hidden: true, page: lazy(() => import('./pages/RoomPage')) },
  // every office's staff read the councils (councilPolicy): the old /outreach?tab=councils address leads
  // here from 联系群众, so staff outside the general office open the list too, without a menu item
  { key: 'consultation-councils-read', label: '基层协商', path: '/consultation/councils', roles: ['staff', 'admin', 'leader'], hidden: true, page: lazy(() => import('./pages/CouncilsPage')) },
  { key: 'consultation-council', label: '基层协商议事会', path: '/consultation/councils/:id', roles: ['member', 'staff', 'admin', 'leader'], hidden: true, page: lazy(() => import('./pages/CouncilPage')) },
  { key: 'consultation-item', label: '协商建议', path: '/consultation/items/:id', roles: ['member', 'staff', 'admin', 'leader', 'unit'], hidden: true, page: lazy(() => import('./pages/ItemPage')) },
];
