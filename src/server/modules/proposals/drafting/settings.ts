import { z } from 'zod';
import { defineSettings } from '../../../platform/settings/settings.js';
import { defaultCaseWords, defaultGenericWords, defaultPersonalWords, defaultSubjectTerms } from './terms.js';

import { draftingChecks, type DraftingCheck } from '../../../../shared/proposals/labels.js';

export { draftingChecks, type DraftingCheck };
export const checkCodes = Object.keys(draftingChecks) as [DraftingCheck, ...DraftingCheck[]];

const words = (label: string) => z.array(z.string().min(1).max(20)).max(300).describe(label);
const list = (text: string) => text.split('、').filter(Boolean);

/**
 * 提案撰写辅助: which checks run on a draft, their thresholds and word lists, and the advice shown
 * for each — per committee and per year, like every module's rules (docs/RULES.md).
 */
export const draftingSettings = defineSettings({
  module: 'proposalDrafting',
  label: '提案撰写辅助',
  schema: z.object({
    checks: z.array(z.enum(checkCodes)).max(checkCodes.length).describe('启用的检查'),
    oneIssueMinShare: z.number().min(0).max(0.9).describe('一事一案：单条无关建议至少占建议篇幅的比例'),
    minPartChars: z.number().int().min(1).max(500).describe('情况、分析、建议各部分最少字数'),
    minSuggestions: z.number().int().min(1).max(10).describe('至少几条不同的具体建议'),
    minConcrete: z.number().int().min(0).max(10).describe('至少几条写明数量、责任单位或时限'),
    titlePrefixes: words('案由开头').min(1),
    titleSuffixes: words('案由结尾').min(1),
    ownEarlierScore: z.number().min(0.05).max(1).describe('与本人提案相同问题的相似度阈值'),
    subjectTerms: z.array(z.object({ category: z.string().min(1).max(20).describe('类别'), terms: z.string().min(1).max(2000).describe('议题词（用顿号分隔）') })).max(40).describe('类别议题词'),
    genericWords: words('通用词（不算共同议题）'),
    personalWords: words('个人诉求用语'),
    caseWords: words('个案用语'),
    minChannelHits: z.number().int().min(1).max(20).describe('提示其他渠道的最少用语数'),
    reviewMinScore: z.number().min(0).max(1).describe('审查辅助：列出不予立案的相似提案的最低相似度'),
    wording: z.array(z.object({ check: z.enum(checkCodes).describe('检查'), text: z.string().min(1).max(300).describe('提示语') })).max(checkCodes.length * 2).describe('提示用语'),
  }),
  defaults: {
    checks: [...checkCodes],
    // measured on the real proposals (drafting.measure.test.ts): at 0.15 it flagged 15, 12 of them
    // one-line side remarks when read by hand; at 0.25 it flags 4 (3 side remarks, 1 true second
    // issue) and still finds 72% of drafts joining two subjects (76% at 0.15)
    oneIssueMinShare: 0.25,
    minPartChars: 30,
    minSuggestions: 2,
    minConcrete: 1,
    titlePrefixes: ['关于'],
    titleSuffixes: ['的建议', '的提案'],
    ownEarlierScore: 0.45,
    subjectTerms: defaultSubjectTerms,
    genericWords: list(defaultGenericWords),
    personalWords: list(defaultPersonalWords),
    caseWords: list(defaultCaseWords),
    minChannelHits: 2,
    // as the drafting form's similar-proposal list: below it two proposals share words, not a problem
    reviewMinScore: 0.15,
    wording: [
      { check: 'oneIssue', text: '提案应一事一案：一件提案只反映一个问题。建议拆分为两件提案，或删去与主题无关的建议。' },
      { check: 'parts', text: '提案应写明情况、分析和建议三部分，立案审查时会查看每一部分。' },
      { check: 'concrete', text: '建议应具体可行：分条写明做什么、由谁做、做到什么程度、何时完成，空泛的建议可能不予立案。' },
      { check: 'title', text: '案由一般写作“关于……的建议”，让承办单位一眼看出要解决的问题。' },
      { check: 'ownEarlier', text: '您此前提过相同问题的提案：可在原提案办理基础上补充新情况、新建议，或说明与原提案的不同。' },
      { check: 'channel', text: '内容像是个人或个案诉求。提案反映带有普遍性的问题；个人诉求可通过其他渠道反映。' },
    ],
  },
});
export type DraftingSettings = typeof draftingSettings.defaults;
