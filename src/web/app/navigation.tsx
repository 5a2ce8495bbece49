import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { matchPath } from 'react-router';
import { ApartmentOutlined, AuditOutlined, BellOutlined, CalendarOutlined, SettingOutlined, HomeOutlined, TeamOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { catalogKinds, catalogs } from '@shared/org/labels';
import type { Me } from '@shared/auth/responses';
import type { Office, Role } from '@shared/auth/roles';
import { opinionNavigation } from '../modules/opinions/navigation';
import { supervisionNavigation } from '../modules/supervision/navigation';
import { proposalNavigation } from '../modules/proposals/navigation';
import { reviewNavigation } from '../modules/proposals/review/navigation';
import { proposalStatsNavigation } from '../modules/proposals/stats/navigation';
import { handlingNavigation } from '../modules/handling/navigation';
import { meetingNavigation } from '../modules/meetings/navigation';
import { performanceNavigation } from '../modules/performance/navigation';
import { outreachNavigation } from '../modules/outreach/navigation';
import { consultationNavigation } from '../modules/consultation/navigation';
import { requestNavigation } from '../modules/requests/navigation';
import { studioNavigation } from '../modules/studios/navigation';
import { membersHomeNavigation } from '../modules/members-home/navigation';
import { learningNavigation } from '../modules/learning/navigation';
import { summaryNavigation } from '../modules/summary/navigation';
import { evaluationNavigation } from '../modules/evaluation/navigation';
import { researchNavigation } from '../modules/research/navigation';
import { newsNavigation } from '../modules/news/navigation';
import { cockpitNavigation } from '../modules/cockpit/navigation';
import { jointNavigation } from '../modules/joint/navigation';

/**
 * One row per page: the menu and the router are both built from this table, so a page is
 * reachable exactly when its menu item is shown. A new module adds its rows here, e.g.
 * `{ key: 'proposals', label: '提案', path: '/proposals', roles: ['staff'], offices: ['proposal'], page: … }`.
 */
export interface NavItem {
  key: string;
  label: string;
  icon?: ReactNode;
  /** Omitted on groups. */
  path?: string;
  roles: Role[];
  /** For staff: only these offices (other roles are not filtered by office). */
  offices?: Office[];
  /** Only for users the server says hold this capability (a right that depends on settings, e.g. who approves leave). */
  capability?: string;
  page?: LazyExoticComponent<ComponentType<any>>;
  props?: Record<string, unknown>;
  /** A route with no menu item (e.g. a detail page). */
  hidden?: boolean;
  children?: NavItem[];
}

const everyone: Role[] = ['admin', 'staff', 'member', 'unit', 'leader', 'secadmin', 'auditor'];
const keepers: Role[] = ['admin', 'staff'];

const CatalogPage = lazy(() => import('../modules/org/pages/CatalogPage'));

export const navigation: NavItem[] = [
  { key: 'home', label: '首页', icon: <HomeOutlined />, path: '/', roles: everyone, page: lazy(() => import('../modules/home/pages/HomePage')) },
  ...cockpitNavigation,
  {
    key: 'org',
    label: '组织机构',
    icon: <ApartmentOutlined />,
    roles: keepers,
    children: [
      { key: 'terms', label: '届次与会议', path: '/org/terms', roles: keepers, page: lazy(() => import('../modules/org/pages/TermsPage')) },
      ...catalogKinds.map((kind) => ({ key: kind, label: catalogs[kind].label, path: `/org/${kind}`, roles: keepers, page: CatalogPage, props: { kind } })),
    ],
  },
  { key: 'members', label: '委员管理', icon: <TeamOutlined />, path: '/members', roles: keepers, page: lazy(() => import('../modules/members/pages/MembersPage')) },
  { key: 'users', label: '用户与角色', icon: <UserSwitchOutlined />, path: '/users', roles: ['admin', 'secadmin', 'auditor'], page: lazy(() => import('../modules/users/pages/UsersPage')) },
  { key: 'calendar', label: '工作日历', icon: <CalendarOutlined />, path: '/calendar', roles: keepers, page: lazy(() => import('../modules/calendar/pages/CalendarPage')) },
  { key: 'settings', label: '规则设置', icon: <SettingOutlined />, path: '/settings', roles: ['admin'], page: lazy(() => import('../modules/settings/pages/SettingsPage')) },
  { key: 'audit', label: '审计日志', icon: <AuditOutlined />, path: '/audit', roles: ['auditor'], page: lazy(() => import('../modules/audit/pages/AuditPage')) },
  ...proposalNavigation,
  ...reviewNavigation,
  ...handlingNavigation,
  ...proposalStatsNavigation,
  ...opinionNavigation,
  ...supervisionNavigation,
  ...evaluationNavigation,
  ...meetingNavigation,
  ...outreachNavigation,
  ...consultationNavigation,
  ...requestNavigation,
  ...studioNavigation,
  ...membersHomeNavigation,
  ...learningNavigation,
  ...researchNavigation,
  ...jointNavigation,
  ...newsNavigation,
  ...performanceNavigation,
  ...summaryNavigation,
  { key: 'messages', label: '消息', icon: <BellOutlined />, path: '/messages', roles: everyone, page: lazy(() => import('../modules/notifications/pages/MessagesPage')) },
  { key: 'notice-settings', label: '消息接收设置', path: '/messages/settings', roles: everyone, hidden: true, page: lazy(() => import('../modules/notifications/pages/NoticeSettingsPage')) },
];

/** May this user see the item? Office limits apply to staff only. */
export function allowed(item: NavItem, me: Me): boolean {
  if (!item.roles.some((r) => me.roles.includes(r))) return false;
  if (item.capability && !(me.capabilities ?? []).includes(item.capability)) return false;
  if (!item.offices) return true;
  const throughOtherRole = item.roles.some((r) => r !== 'staff' && me.roles.includes(r));
  return throughOtherRole || (me.office !== null && item.offices.includes(me.office));
}

/** The tree pruned to what the user may see; groups with no visible child disappear. */
export function visibleNavigation(me: Me, items: NavItem[] = navigation): NavItem[] {
  return items
    .filter((item) => allowed(item, me))
    .map((item) => (item.children ? { ...item, children: visibleNavigation(me, item.children) } : item))
    .filter((item) => !item.children || item.children.length > 0);
}

/** Every page the user may open, flattened for the router. */
/** May this user open the page at `link` (a path with an optional ?query)? A figure links only where it does. */
export const opens = (me: Me, link: string): boolean => {
  const path = link.split('?')[0];
  // the page the router would open: like the router, a path's fixed segments win over a parameter
  // (/opinions/queue is the queue, not the report with id "queue"), whoever may see either
  const all = navigation.flatMap((item) => (item.children ? item.children : [item])).filter((item) => item.page && item.path);
  const fixed = (item: NavItem) => item.path!.split('/').filter((x) => x && !x.startsWith(':')).length;
  const matching = all.filter((item) => matchPath({ path: item.path!, end: true }, path) !== null);
  const best = Math.max(...matching.map(fixed));
  const mine = new Set(pagesFor(me).map((item) => item.key));
  return matching.some((item) => fixed(item) === best && mine.has(item.key));
};

export const pagesFor = (me: Me): NavItem[] => visibleNavigation(me).flatMap((item) => (item.children ? item.children : [item])).filter((item) => item.page && item.path);
