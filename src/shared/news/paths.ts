/** The routes of 新闻动态 / 通知公告: the office's, and the portal's (no sign-in, published only). */
export const newsPaths = {
  list: '/api/news',
  post: '/api/news/:id',
  publish: '/api/news/:id/publish',
  withdraw: '/api/news/:id/withdraw',
  attachments: '/api/news/:id/attachments',
  attachment: '/api/news/:id/attachments/:attachmentId',
  removeAttachment: '/api/news/:id/attachments/:attachmentId/remove',
  /** public */
  portalList: '/api/portal/news',
  portalPost: '/api/portal/news/:id',
  portalAttachment: '/api/portal/news/:id/attachments/:attachmentId',
} as const;
