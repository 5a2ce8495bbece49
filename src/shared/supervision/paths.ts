/** The routes of 民主监督: groups, special supervisors, topics and suggestions. */
export const supervisionPaths = {
  options: '/api/supervision/options',
  groups: '/api/supervision/groups',
  group: '/api/supervision/groups/:id',
  /** 监督活动: a group's inspection, research visit or forum, through the activity primitive */
  groupActivities: '/api/supervision/groups/:id/activities',
  supervisors: '/api/supervision/supervisors',
  supervisor: '/api/supervision/supervisors/:id',
  topics: '/api/supervision/topics',
  topic: '/api/supervision/topics/:id',
  /** the year's most frequent proposal topics (by category and by same-issue groups) */
  frequentTopics: '/api/supervision/topics/frequent',
  suggestions: '/api/supervision/suggestions',
  detail: '/api/supervision/suggestions/:id',
  action: '/api/supervision/suggestions/:id/actions/:action',
  /** 发送单位: the office sends the signed suggestion to units (the handling panel's assign) */
  assign: '/api/supervision/suggestions/:id/assign',
  rate: '/api/supervision/suggestions/:id/rate',
  followUps: '/api/supervision/suggestions/:id/follow-ups',
  stats: '/api/supervision/stats',
  /** the supervision register (.xlsx): topics, suggestions, units, deadlines, replies, ratings */
  register: '/api/supervision/register',
  /** 监督建议书 (.docx, ?format=pdf for PDF) */
  document: '/api/supervision/suggestions/:id/document',
} as const;
