/** 上下联动: a parent committee's joint inspections and research with its districts, and its districts' totals. */
export const jointPaths = {
  list: '/api/joint/activities',
  detail: '/api/joint/activities/:id',
  attendance: '/api/joint/activities/:id/attendance/:memberId',
  close: '/api/joint/activities/:id/close',
  invite: '/api/joint/activities/:id/districts',
  cancelPart: '/api/joint/activities/:id/districts/:committeeId/cancel',
  reopenPart: '/api/joint/activities/:id/districts/:committeeId/reopen',
  qr: '/api/joint/activities/:id/qr',
  districts: '/api/joint/districts',
  districtMembers: '/api/joint/districts/:committeeId/members',
  sentUp: '/api/joint/districts/:committeeId/sent-up',
  totals: '/api/joint/totals',
} as const;
