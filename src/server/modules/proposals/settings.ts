import { z } from 'zod';
import { defineSettings } from '../../platform/settings/settings.js';
import { handlingRuleFields, period } from '../../platform/handling/rules.js';

/**
 * Proposal rules (RULES.md "Proposals"): every default here is what real committees use, and an
 * admin can change each one per committee and per year.
 */
export const proposalSettings = defineSettings({
  module: 'proposals',
  label: '提案工作',
  schema: z.object({
    // 预审 and 复审 before the decision (审定); 立案 waits for the steps listed here (workflow.ts)
    reviewSteps: z.array(z.enum(['preReview', 'reReview'])).max(2).describe('审查环节（预审、复审；审定总在最后）'),
    categories: z.array(z.string().min(1).max(20)).min(1).max(40).describe('提案类别'),
    rejectReasons: z.array(z.object({ code: z.string().min(1).max(20).describe('代码'), text: z.string().min(1).max(100).describe('理由') })).min(1).max(30).describe('不予立案理由'),
    ...handlingRuleFields({ objection: '承办单位提出异议期限', reply: '答复期限', rehandle: '二次办理期限', answers: '答复类别' }),
    ratePeriod: period.describe('提案人评价期限'),
    rateRemindWorkdaysBefore: z.number().int().min(0).max(15).describe('评价期限前提醒提案人（工作日）'),
    minCosigners: z.number().int().min(1).max(10).describe('联名提案最少联名人数'),
  }),
  defaults: {
    reviewSteps: ['preReview', 'reReview'],
    // the categories of a real provincial committee's proposal list (Jiangsu 2019)
    categories: ['经济发展', '工业商贸', '财税金融', '农林水利', '城乡建设', '资源环境', '科学技术', '教育事业', '文化宣传', '医卫体育', '社会事业', '法制建设', '政治建设', '统战综合'],
    rejectReasons: [
      { code: 'secret', text: '涉及党和国家秘密的' },
      { code: 'prohibited', text: '法律法规明确规定不得公开讨论的' },
      { code: 'personnel', text: '党员对党内人事问题的意见' },
      { code: 'party_internal', text: '属于民主党派内部事务的' },
      { code: 'litigation', text: '涉及诉讼、仲裁或纪检监察案件的' },
      { code: 'academic', text: '属于学术研讨的' },
      { code: 'personal', text: '提案人本人及其亲属的个人问题' },
      { code: 'promotion', text: '宣传推介具体作品、产品或单位的' },
      { code: 'accusation', text: '对具体人员的检举揭发' },
      { code: 'vague', text: '内容空泛、没有具体建议的' },
    ],
    answerClasses: [
      { code: 'A', label: '已解决或基本解决（采纳）' },
      // 列入计划 is a promise: the reply says what and by when, and the office later records whether it was kept
      { code: 'B', label: '正在解决或列入规划', promise: true },
      { code: 'C', label: '因条件限制需以后解决' },
      { code: 'D', label: '留作参考' },
    ],
    objectionPeriod: { workdays: 5 },
    replyPeriod: { months: 3 },
    rehandlePeriod: { months: 3 },
    ratePeriod: { workdays: 15 },
    maxExtensionWorkdays: 65,
    remindWorkdaysBefore: 10,
    rateRemindWorkdaysBefore: 3,
    minCosigners: 1,
  },
});
export type ProposalSettings = typeof proposalSettings.defaults;
