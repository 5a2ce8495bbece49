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
  /** the signed-in member's open and past questionnaires */
  questionnaires: '/api/evaluation/questionnaires',
} as const;
