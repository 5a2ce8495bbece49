/** 公开门户: what committees publish for the public (no sign-in). */
export const portalPaths = {
  committees: '/api/portal/committees',
  /** a committee's public home: each module's section of what it published */
  home: '/api/portal/home',
  /** search across what the committee published */
  search: '/api/portal/search',
  proposals: '/api/portal/proposals',
  proposal: '/api/portal/proposals/:id',
  /** the arithmetic question every public form answers */
  challenge: '/api/portal/challenge',
  /** 群众出题 */
  topics: '/api/portal/topics',
} as const;
