/** 履职管理: records, rankings, lists, reminders and the scoring rules. */
export const performancePaths = {
  me: '/api/performance/me',
  member: '/api/performance/members/:memberId',
  term: '/api/performance/members/:memberId/term',
  report: '/api/performance/members/:memberId/report',
  rankings: '/api/performance/rankings',
  lists: '/api/performance/lists',
  reminders: '/api/performance/reminders',
  rules: '/api/performance/rules',
} as const;
