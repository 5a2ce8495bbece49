import { z } from 'zod';
import { defineSettings } from '../../platform/settings/settings.js';
import { handlingRuleFields } from '../../platform/handling/rules.js';

/**
 * Public-opinion report rules (RULES.md "Public-opinion reports"). Defaults are what real
 * committees use; an admin changes each per committee and year.
 */
export const opinionSettings = defineSettings({
  module: 'opinions',
  label: '社情民意信息',
  schema: z.object({
    maxLength: z.number().int().min(200).max(10000).describe('正文最多字数'),
    periodical: z.string().min(1).max(20).describe('刊物名称'),
    categories: z.array(z.string().min(1).max(20)).min(1).max(40).describe('信息类别'),
    yearlyQuota: z.number().int().min(0).max(50).describe('每位委员每年至少报送篇数'),
    issueRecipients: z.array(z.object({ kind: z.enum(['partyCommittee', 'government', 'higherCommittee', 'department']).describe('类型'), name: z.string().min(1).max(40).describe('名称') })).max(20).describe('刊物报送单位'),
    ...handlingRuleFields({ objection: '部门提出异议期限', reply: '部门答复期限', rehandle: '再次办理期限', answers: '部门答复类别' }),
  }),
  defaults: {
    // at most ~1,500 characters, one issue each [Jiangsu, Guangzhou]
    maxLength: 1500,
    periodical: '社情民意',
    // the categories of the real citizen-message set the demo uses, plus the usual CPPCC ones
    categories: ['城乡建设', '环境保护', '交通运输', '教育文体', '劳动和社会保障', '商贸旅游', '卫生健康', '经济发展', '社会治理', '其他'],
    // the Shangzhou seed: at least 2 a year per member
    yearlyQuota: 2,
    issueRecipients: [
      { kind: 'partyCommittee', name: '区委' },
      { kind: 'government', name: '区政府' },
    ],
    answerClasses: [
      { code: 'A', label: '已采纳落实' },
      { code: 'B', label: '正在落实或列入计划' },
      { code: 'C', label: '留作参考' },
    ],
    objectionPeriod: { workdays: 5 },
    replyPeriod: { workdays: 30 },
    rehandlePeriod: { workdays: 30 },
    maxExtensionWorkdays: 30,
    remindWorkdaysBefore: 5,
  },
});
export type OpinionSettings = typeof opinionSettings.defaults;
