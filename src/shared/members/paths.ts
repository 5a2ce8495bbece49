/** The members roster (委员名册). */
export const memberPaths = {
  list: '/api/members',
  export: '/api/members/export',
  template: '/api/members/template',
  import: '/api/members/import',
  detail: '/api/members/:id',
} as const;
