/** The routes of 调研视察: topics with their group, plan, visits, report, conversions and follow-up. */
export const researchPaths = {
  options: '/api/research/options',
  topics: '/api/research/topics',
  mine: '/api/research/mine',
  topic: '/api/research/topics/:id',
  plan: '/api/research/topics/:id/plan',
  volunteer: '/api/research/topics/:id/volunteer',
  decide: '/api/research/topics/:id/group/decide',
  lead: '/api/research/topics/:id/group/lead',
  visits: '/api/research/topics/:id/visits',
  report: '/api/research/topics/:id/report',
  reportAction: '/api/research/topics/:id/report/actions/:action',
  document: '/api/research/topics/:id/report/document',
  attachments: '/api/research/topics/:id/report/attachments',
  attachment: '/api/research/topics/:id/report/attachments/:attachmentId',
  removeAttachment: '/api/research/topics/:id/report/attachments/:attachmentId/remove',
  convert: '/api/research/topics/:id/conversions',
  instructions: '/api/research/topics/:id/instructions',
  assign: '/api/research/topics/:id/items',
  /** an item sent to departments → its topic (links from notices and the worklist) */
  item: '/api/research/items/:id',
  /** what a proposal or 社情民意 report was converted from, if the viewer may read it */
  origin: '/api/research/origin',
} as const;
