import { lazy } from 'react';
import { FileDoneOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/navigation';

const list = lazy(() => import('./pages/ProposalListPage'));
const form = lazy(() => import('./pages/ProposalFormPage'));

/**
 * 提案 in the menu: members write and follow their own and answer co-sign invitations; staff enter
 * collective proposals for a party, special committee or sector; the proposal office and leaders see
 * all of the committee; leaders follow the key proposals and write instructions (批示) on any of them.
 * The detail page is open to everyone the server shows a proposal to (it answers 404 otherwise).
 */
export const proposalNavigation: NavItem[] = [
  {
    key: 'proposals',
    label: '提案',
    icon: <FileDoneOutlined />,
    roles: ['member', 'staff', 'admin', 'leader'],
    children: [
      { key: 'proposals-mine', label: '我的提案', path: '/proposals/mine', roles: ['member'], page: list, props: { scope: 'mine', title: '我的提案', create: true } },
      { key: 'proposals-cosign', label: '联名邀请', path: '/proposals/cosign', roles: ['member'], page: list, props: { scope: 'cosign', title: '邀请我联名的提案' } },
      { key: 'proposals-collective', label: '集体提案', path: '/proposals/collective', roles: ['staff', 'admin'], page: list, props: { scope: 'mine', title: '我录入的集体提案', create: true, createLabel: '录入集体提案' } },
      { key: 'proposals-all', label: '全部提案', path: '/proposals/all', roles: ['staff', 'admin', 'leader'], offices: ['proposal'], page: list, props: { scope: 'all', title: '全部提案' } },
      { key: 'proposals-led', label: '我领办的提案', path: '/proposals/led', roles: ['leader'], page: list, props: { scope: 'led', title: '我领办的重点提案' } },
      { key: 'proposals-supervise', label: '重点提案督办', path: '/proposals/supervise', roles: ['leader', 'staff', 'admin'], offices: ['proposal'], page: lazy(() => import('./key/SupervisePage')) },
      { key: 'proposals-excellent', label: '优秀提案评选', path: '/proposals/excellent', roles: ['leader', 'staff', 'admin'], offices: ['proposal'], page: lazy(() => import('./key/ExcellentPage')) },
      { key: 'proposals-promises', label: '承诺兑现', path: '/proposals/promises', roles: ['staff', 'admin', 'leader'], offices: ['proposal'], page: lazy(() => import('./promises/PromisesPage')) },
      { key: 'proposals-topics', label: '参考选题', path: '/proposals/topics', roles: ['leader', 'staff', 'admin'], offices: ['proposal'], page: lazy(() => import('./topics/TopicsPage')) },
      { key: 'proposals-key', label: '重点提案', path: '/proposals/key', roles: ['leader'], page: list, props: { scope: 'key', title: '重点提案（领导领办、督办）' } },
    ],
  },
  { key: 'proposal-new', label: '撰写提案', path: '/proposals/new', roles: ['member', 'staff', 'admin'], hidden: true, page: form },
  { key: 'proposal-edit', label: '修改提案', path: '/proposals/:id/edit', roles: ['member', 'staff', 'admin'], hidden: true, page: form },
  { key: 'proposal-detail', label: '提案详情', path: '/proposals/:id', roles: ['member', 'staff', 'admin', 'leader', 'unit'], hidden: true, page: lazy(() => import('./pages/ProposalDetailPage')) },
];
