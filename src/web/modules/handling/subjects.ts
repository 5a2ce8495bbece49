import type { HandledType } from '@shared/handling/labels';
import { opinionPaths } from '@shared/opinions/paths';
import { proposalPaths } from '@shared/proposals/paths';
import { supervisionPaths } from '@shared/supervision/paths';
import { consultationPaths } from '@shared/consultation/paths';
import { evaluationPaths } from '@shared/evaluation/paths';
import { researchPaths } from '@shared/research/paths';

/**
 * Where each handled type keeps its record, its assignment and its form's choices (answer
 * classes), what sending it to units is called (交办 a proposal, 转部门办理 a report) and who reads a reply once
 * it is sent.
 */
export const handledPaths = {
  proposal: { detail: proposalPaths.detail, assign: proposalPaths.assign, options: proposalPaths.options, assignLabel: '交办', afterSend: '提案人即可看到答复并评价' },
  opinion: { detail: opinionPaths.detail, assign: opinionPaths.assign, options: opinionPaths.options, assignLabel: '转部门办理', afterSend: '信息报送人和信息科即可看到答复' },
  supervision: { detail: supervisionPaths.detail, assign: supervisionPaths.assign, options: supervisionPaths.options, assignLabel: '发送单位', afterSend: '监督小组即可看到答复并评价' },
  // a recommendation is sent to departments together with its consultation's others, never on its own
  consultationItem: { detail: consultationPaths.item, assign: consultationPaths.assign, options: consultationPaths.options, assignLabel: '建议交部门办理', afterSend: '参加协商的委员和办公室即可看到答复' },
  // a rectification item is sent to its department when the office records it, never on its own
  evaluationFinding: { detail: evaluationPaths.finding, assign: evaluationPaths.findings, options: evaluationPaths.options, assignLabel: '交部门整改', afterSend: '政协办公室即可看到整改情况并开展回头看' },
  // an item of a research report is sent from the topic's page, with the report's other items
  researchItem: { detail: researchPaths.item, assign: researchPaths.assign, options: researchPaths.options, assignLabel: '交部门落实', afterSend: '调研组成员和办公室即可看到答复' },
} as const satisfies Record<HandledType, { detail: string; assign: string; options: string; assignLabel: string; afterSend: string }>;
export type SubjectType = HandledType;
