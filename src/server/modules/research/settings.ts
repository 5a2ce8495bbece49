import { z } from 'zod';
import { defineSettings } from '../../platform/settings/settings.js';
import { handlingRuleFields } from '../../platform/handling/rules.js';

/**
 * 调研视察 rules: the size of a group (seed 004: "调研组不超过10人") and how departments answer
 * the items a report sends them. An admin changes each per committee and year.
 */
export const researchSettings = defineSettings({
  module: 'research',
  label: '调研视察',
  schema: z.object({
    maxGroupMembers: z.number().int().min(2).max(50).describe('调研组人数上限'),
    ...handlingRuleFields({ objection: '部门提出异议期限', reply: '部门答复期限', rehandle: '再次办理期限', answers: '部门答复类别' }),
  }),
  defaults: {
    maxGroupMembers: 10,
    objectionPeriod: { workdays: 5 },
    // as consultation outcomes: a department answers within 30 working days
    replyPeriod: { workdays: 30 },
    rehandlePeriod: { workdays: 30 },
    maxExtensionWorkdays: 30,
    remindWorkdaysBefore: 5,
    answerClasses: [
      { code: 'A', label: '已采纳落实' },
      { code: 'B', label: '正在落实或列入计划' },
      { code: 'C', label: '留作参考' },
    ],
  },
});
export type ResearchSettings = typeof researchSettings.defaults;
