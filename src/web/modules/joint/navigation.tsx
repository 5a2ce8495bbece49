import { lazy } from 'react';
import { ApartmentOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/navigation';

const staff = ['staff', 'admin', 'leader'] as NavItem['roles'];

/**
 * 上下联动 in the menu of a committee with districts below it (the capability says so): joint
 * inspections and research with the districts, and the districts' totals with what each sent up.
 * The district's members see a joint event among their own 会议活动.
 */
export const jointNavigation: NavItem[] = [
  {
    key: 'joint',
    label: '上下联动',
    icon: <ApartmentOutlined />,
    roles: staff,
    capability: 'joint.districts',
    children: [
      { key: 'joint-activities', label: '联合视察调研', path: '/joint', roles: staff, capability: 'joint.districts', page: lazy(() => import('./pages/JointListPage')) },
      { key: 'joint-totals', label: '各区履职统计', path: '/joint/districts', roles: staff, capability: 'joint.districts', page: lazy(() => import('./pages/DistrictTotalsPage')) },
    ],
  },
  { key: 'joint-sent-up', label: '下级政协报送', path: '/joint/districts/:committeeId', roles: staff, hidden: true, page: lazy(() => import('./pages/SentUpPage')) },
  { key: 'joint-detail', label: '联合视察调研详情', path: '/joint/activities/:id', roles: staff, hidden: true, page: lazy(() => import('./pages/JointDetailPage')) },
];
