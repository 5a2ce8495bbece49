/** The routes of 学习: 每日一学 items, 书香政协 reading groups and their check-ins, and a member's own page. */
export const learningPaths = {
  items: '/api/learning/items',
  item: '/api/learning/items/:id',
  itemAction: '/api/learning/items/:id/actions/:action',
  itemLearned: '/api/learning/items/:id/learned',
  groups: '/api/learning/groups',
  group: '/api/learning/groups/:id',
  groupClose: '/api/learning/groups/:id/close',
  groupCheckins: '/api/learning/groups/:id/checkins',
  checkinFeature: '/api/learning/checkins/:id/feature',
  mine: '/api/learning/mine',
} as const;
