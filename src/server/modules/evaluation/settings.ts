import { z } from 'zod';
import { defineSettings } from '../../platform/settings/settings.js';
import { handlingRuleFields } from '../../platform/handling/rules.js';
import { indicators } from '../../../shared/evaluation/inputs.js';

/**
 * 民主评议 rules (RULES.md "Supervision and evaluation"): the questionnaire's weighted indicators
 * (the five aspects of proposal-handling evaluation), the points of each ballot option, the quorum
 * (more than half of the invited members), the weights of members', representatives' and the
 * public's answers in the combined score, the portal's per-address limit, how many are named satisfactory and how many followed up
 * closely, and the rectification deadline. An admin changes each per committee and year; a campaign
 * keeps the indicators it was created with.
 */
export const evaluationSettings = defineSettings({
  module: 'evaluation',
  label: '民主评议',
  schema: z.object({
    indicators,
    satisfiedPoints: z.number().int().min(0).max(100).describe('“满意”得分'),
    basicPoints: z.number().int().min(0).max(100).describe('“基本满意”得分'),
    unsatisfiedPoints: z.number().int().min(0).max(100).describe('“不满意”得分'),
    quorumShare: z.number().min(0.3).max(0.9).describe('参评人数须超过受邀委员的比例'),
    memberWeight: z.number().int().min(0).max(100).describe('综合得分中政协委员评议的权重（%）'),
    representativeWeight: z.number().int().min(0).max(100).describe('综合得分中特邀群众代表评议的权重（%）'),
    publicWeight: z.number().int().min(0).max(100).describe('综合得分中社会公众评议的权重（%）'),
    publicPerAddressPerHour: z.number().int().min(5).max(500).describe('门户公众评议：同一网络每小时最多提交份数'),
    satisfactoryCount: z.number().int().min(0).max(10).describe('评为满意单位的名次数'),
    focusCount: z.number().int().min(0).max(10).describe('列为重点跟踪整改的末位数'),
    ...handlingRuleFields({ objection: '部门提出异议期限', reply: '整改反馈期限', rehandle: '再次整改期限', answers: '整改反馈类别', maxExtension: 60 }),
  }),
  defaults: {
    // 提案办理评议的五个方面: 组织领导、工作机制、与提案人沟通协商、办理成效、答复质量
    indicators: [
      { key: 'organisation', label: '组织领导', weight: 15 },
      { key: 'mechanism', label: '工作机制', weight: 15 },
      { key: 'consultation', label: '与提案人沟通协商', weight: 20 },
      { key: 'results', label: '办理成效', weight: 30 },
      { key: 'replyQuality', label: '答复质量', weight: 20 },
    ],
    satisfiedPoints: 100,
    basicPoints: 80,
    unsatisfiedPoints: 0,
    // 超过半数
    quorumShare: 0.5,
    // 委员、特邀群众代表、社会公众分别计票，按权重合成综合得分（缺少某类评议时按其余权重折算）
    memberWeight: 60,
    representativeWeight: 30,
    publicWeight: 10,
    publicPerAddressPerHour: 60,
    satisfactoryCount: 3,
    focusCount: 3,
    replyPeriod: { workdays: 30 },
    rehandlePeriod: { workdays: 20 },
    objectionPeriod: { workdays: 5 },
    maxExtensionWorkdays: 10,
    remindWorkdaysBefore: 3,
    answerClasses: [
      { code: 'A', label: '已整改到位' },
      { code: 'B', label: '正在整改，列入计划' },
      { code: 'C', label: '需长期整改（书面说明）' },
    ],
  },
});
export type EvaluationSettings = typeof evaluationSettings.defaults;
