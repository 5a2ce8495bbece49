/** 联系群众: the member-owned records (by kind), livelihood councils and the staff summary. */
export const outreachPaths = {
  options: '/api/outreach/options',
  summary: '/api/outreach/summary',
  councils: '/api/outreach/councils',
  council: '/api/outreach/councils/:id',
  councilVoid: '/api/outreach/councils/:id/void',
  deedComplete: '/api/outreach/deeds/:id/complete',
  partnerEnd: '/api/outreach/partners/:id/end',
  /** :kind is one of ownedKinds */
  owned: '/api/outreach/:kind',
  ownedItem: '/api/outreach/:kind/:id',
  ownedVoid: '/api/outreach/:kind/:id/void',
} as const;
