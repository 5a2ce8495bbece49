/** Sign-in and the signed-in person (platform/auth). */
export const authPaths = {
  login: '/api/auth/login',
  logout: '/api/auth/logout',
  me: '/api/auth/me',
  /** answers every visitor: `user` is null without a session (no 401 in an anonymous visitor's console) */
  session: '/api/auth/session',
  password: '/api/auth/password',
} as const;
