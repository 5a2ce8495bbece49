/** 组织机构: terms (届), plenary sessions (次会议) and the six catalogs. */
export const orgPaths = {
  terms: '/api/org/terms',
  term: '/api/org/terms/:id',
  sessions: '/api/org/sessions',
  session: '/api/org/sessions/:id',
  catalog: '/api/org/:kind',
  catalogItem: '/api/org/:kind/:id',
} as const;
