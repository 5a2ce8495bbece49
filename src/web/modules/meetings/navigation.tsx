import { lazy } from 'react';
import { ScheduleOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/navigation';

const meetings = lazy(() => import('./pages/MeetingsPage'));
const speeches = lazy(() => import('./pages/SpeechesPage'));
const staff = ['staff', 'admin', 'leader'] as NavItem['roles'];

/**
 * 会议活动 in the menu: members see their invitations, speeches, the check-in page the venue QR
 * code opens and the camera page that reads it (/checkin/scan, from 我的会议活动 and the home page);
 * staff, leaders and admins see every event, the leave queue, speeches and attendance.
 * The detail pages are reachable by everyone an event or speech can be shown to (the server decides).
 */
export const meetingNavigation: NavItem[] = [
  {
    key: 'meetings-member',
    label: '我的会议',
    icon: <ScheduleOutlined />,
    roles: ['member'],
    children: [
      { key: 'meetings-mine', label: '我的会议活动', path: '/meetings/mine', roles: ['member'], page: meetings, props: { mine: true } },
      { key: 'speeches-mine', label: '我的大会发言', path: '/meetings/speeches/mine', roles: ['member'], page: speeches, props: { mine: true } },
    ],
  },
  {
    key: 'meetings-staff',
    label: '会议活动',
    icon: <ScheduleOutlined />,
    roles: staff,
    children: [
      { key: 'meetings', label: '会议活动安排', path: '/meetings', roles: staff, page: meetings },
      { key: 'meetings-leave', label: '请假审批', path: '/meetings/leave', roles: ['staff', 'admin'], capability: 'meetings.decideLeave', page: lazy(() => import('./pages/LeaveQueuePage')) },
      { key: 'speeches', label: '大会发言遴选', path: '/meetings/speeches', roles: staff, page: speeches },
      { key: 'meetings-stats', label: '出席统计', path: '/meetings/stats', roles: staff, page: lazy(() => import('./pages/AttendanceStatsPage')) },
    ],
  },
  { key: 'speech-detail', label: '大会发言', path: '/meetings/speeches/:id', roles: ['member', 'staff', 'admin', 'leader'], hidden: true, page: lazy(() => import('./pages/SpeechDetailPage')) },
  { key: 'meeting-detail', label: '会议活动详情', path: '/meetings/:id', roles: ['member', 'staff', 'admin', 'leader'], hidden: true, page: lazy(() => import('./pages/MeetingDetailPage')) },
  { key: 'checkin-scan', label: '扫码签到', path: '/checkin/scan', roles: ['member', 'staff', 'admin', 'leader', 'unit'], hidden: true, page: lazy(() => import('./pages/ScanCheckInPage')) },
  { key: 'checkin', label: '签到', path: '/checkin', roles: ['member', 'staff', 'admin', 'leader', 'unit'], hidden: true, page: lazy(() => import('./pages/CheckInPage')) },
];
