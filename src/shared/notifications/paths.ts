/** 消息: a person's in-app notices. */
export const notificationPaths = {
  list: '/api/notifications',
  read: '/api/notifications/:id/read',
  readAll: '/api/notifications/read-all',
  /** 消息接收设置: the signed-in person's own */
  prefs: '/api/notifications/preferences',
} as const;
