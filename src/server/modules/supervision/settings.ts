import { z } from 'zod';
import { defineSettings } from '../../platform/settings/settings.js';
import { handlingRuleFields } from '../../platform/handling/rules.js';

/**
 * 民主监督 rules (RULES.md "Supervision and evaluation"): the unit answers a supervision suggestion
 * within 10 working days, or explains in writing why it cannot yet (the Shangzhou seed). An admin
 * changes each per committee and year.
 */
export const supervisionSettings = defineSettings({
  module: 'supervision',
  label: '民主监督',
  schema: z.object({
    ...handlingRuleFields({ objection: '单位提出异议期限', reply: '单位书面反馈期限', rehandle: '再次办理期限', answers: '单位反馈类别', maxExtension: 60 }),
    frequentTopics: z.number().int().min(3).max(50).describe('高频提案议题显示条数'),
  }),
  defaults: {
    // 商州区: "10个工作日内以书面形式作出说明"
    replyPeriod: { workdays: 10 },
    rehandlePeriod: { workdays: 10 },
    objectionPeriod: { workdays: 3 },
    maxExtensionWorkdays: 10,
    remindWorkdaysBefore: 3,
    answerClasses: [
      { code: 'A', label: '已采纳并落实' },
      { code: 'B', label: '正在落实或列入计划' },
      { code: 'C', label: '暂不能落实（书面说明理由）' },
    ],
    frequentTopics: 10,
  },
});
export type SupervisionSettings = typeof supervisionSettings.defaults;
