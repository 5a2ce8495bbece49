/** The routes of 委员工作室: its public pages and question form (no sign-in), the profile and questions staff and members keep. */
export const studioPaths = {
  /** public */
  portalList: '/api/portal/studios',
  portalStudio: '/api/portal/studios/:id',
  ask: '/api/portal/studios/:id/questions',
  /** staff and members */
  list: '/api/studios',
  profile: '/api/studios/:id/profile',
  questions: '/api/studios/questions',
  questionAction: '/api/studios/questions/:id/actions/:action',
} as const;
