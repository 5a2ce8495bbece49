/** The routes of 民主评议: campaigns, the members' questionnaire, results, rectification items. */
export const evaluationPaths = {
  options: '/api/evaluation/options',
  campaigns: '/api/evaluation/campaigns',
  campaign: '/api/evaluation/campaigns/:id',
  action: '/api/evaluation/campaigns/:id/actions/:action',
  /** one member's answers on one department: stored only as counts */
  responses: '/api/evaluation/campaigns/:id/responses',
  results: '/api/evaluation/campaigns/:id/results',
  resultsExport: '/api/evaluation/campaigns/:id/results/export',
  /** 评议结果报告 (.docx, ?format=pdf) */
  report: '/api/evaluation/campaigns/:id/report',
  findings: '/api/evaluation/campaigns/:id/findings',
  finding: '/api/evaluation/findings/:id',
  recheck: '/api/evaluation/findings/:id/recheck',
  /** 特邀群众代表 of a campaign (the office only: their names and phones are personal data) */
  representatives: '/api/evaluation/campaigns/:id/representatives',
  /** revoke or re-issue a representative's personal link */
  representativeAction: '/api/evaluation/representatives/:id/:action',
  /** a representative's questionnaire by their personal link (no account) */
  invitation: '/api/evaluation/invitations/:token',
  invitationResponses: '/api/evaluation/invitations/:token/responses',
  /** the portal's questionnaire for the public, where a campaign opens it */
  portalQuestionnaires: '/api/portal/evaluation',
  portalResponses: '/api/portal/evaluation/:id/responses',
  /** the signed-in member's open and past questionnaires */
  questionnaires: '/api/evaluation/questionnaires',
} as const;
