import { lazy } from 'react';
import { AuditOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/navigation';

/**
 * 民主评议 in the menu: the office (办公室) runs campaigns; leaders read them; invited members fill
 * the questionnaire (on a phone too); departments reach their rectification items from their
 * 待办事项 worklist, and a campaign page once its results are published.
 */
export const evaluationNavigation: NavItem[] = [
  { key: 'evaluation-mine', label: '我的评议问卷', icon: <AuditOutlined />, path: '/evaluation/questionnaires', roles: ['member'], page: lazy(() => import('./pages/QuestionnairesPage')) },
  { key: 'evaluation-campaigns', label: '民主评议', icon: <AuditOutlined />, path: '/evaluation/campaigns', roles: ['staff', 'admin', 'leader'], offices: ['general'], page: lazy(() => import('./pages/CampaignsPage')) },
  { key: 'evaluation-campaign', label: '民主评议活动', path: '/evaluation/campaigns/:id', roles: ['member', 'staff', 'admin', 'leader', 'unit'], hidden: true, page: lazy(() => import('./pages/CampaignPage')) },
  { key: 'evaluation-finding', label: '整改事项', path: '/evaluation/findings/:id', roles: ['staff', 'admin', 'leader', 'unit'], hidden: true, page: lazy(() => import('./pages/FindingPage')) },
];
