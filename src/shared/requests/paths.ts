/** The routes of 民生诉求: the portal's (no sign-in) and the staff's and members'. */
export const requestPaths = {
  /** public */
  submit: '/api/portal/requests',
  follow: '/api/portal/requests/follow',
  rate: '/api/portal/requests/rate',
  published: '/api/portal/requests/published',
  portalOptions: '/api/portal/requests/options',
  /** staff and members */
  options: '/api/requests/options',
  list: '/api/requests',
  request: '/api/requests/:id',
  action: '/api/requests/:id/actions/:action',
  convert: '/api/requests/:id/convert',
  photo: '/api/requests/:id/photos/:attachmentId',
} as const;
