/** 联系群众: the member-owned records (by kind) and the staff summary (livelihood councils are consultationPaths.councils). */
export const outreachPaths = {
  options: '/api/outreach/options',
  summary: '/api/outreach/summary',
  deedComplete: '/api/outreach/deeds/:id/complete',
  partnerEnd: '/api/outreach/partners/:id/end',
  /** :kind is one of ownedKinds */
  owned: '/api/outreach/:kind',
  ownedItem: '/api/outreach/:kind/:id',
  ownedVoid: '/api/outreach/:kind/:id/void',
} as const;
