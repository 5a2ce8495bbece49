/** 用户与角色: the accounts of the committee. */
export const userPaths = {
  list: '/api/users',
  detail: '/api/users/:id',
  resetPassword: '/api/users/:id/reset-password',
} as const;
