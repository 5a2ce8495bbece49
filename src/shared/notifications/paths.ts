/** 消息: a person's in-app notices. */
export const notificationPaths = {
  list: '/api/notifications',
  read: '/api/notifications/:id/read',
  readAll: '/api/notifications/read-all',
} as const;
