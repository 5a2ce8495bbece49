/** 规则设置: each module's rules, per committee and per year (platform/settings). */
export const settingsPaths = {
  list: '/api/settings',
  module: '/api/settings/:module',
} as const;
