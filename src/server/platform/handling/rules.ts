import { z } from 'zod';

/** A deadline as a committee sets it: so many working days, or so many months. */
export const period = z.union([
  z.object({ workdays: z.number().int().min(1).max(250).describe('工作日') }),
  z.object({ months: z.number().int().min(1).max(12).describe('月') }),
]);

/** What a module calls each rule on its settings page (units or departments, reply or feedback…). */
export interface HandlingRuleNames {
  objection: string;
  reply: string;
  rehandle: string;
  answers: string;
  /** the most working days an extension may add (default 130) */
  maxExtension?: number;
}

/**
 * The rules every module that sends records to units keeps as settings — periods to object, reply
 * and re-handle, how far a deadline may be extended, when to remind, and the classes of answer —
 * in one shape, so the handling primitive reads them alike whatever the module.
 */
export const handlingRuleFields = (n: HandlingRuleNames) => ({
  answerClasses: z
    .array(
      z.object({
        code: z.string().min(1).max(4).describe('类别'),
        label: z.string().min(1).max(40).describe('说明'),
        // 列入计划: a reply of this class is a promise — what and by when — whose keeping is recorded later
        promise: z.boolean().optional().describe('属承诺事项（须写明承诺内容和期限）'),
      }),
    )
    .min(2)
    .max(6)
    .describe(n.answers),
  objectionPeriod: period.describe(n.objection),
  replyPeriod: period.describe(n.reply),
  rehandlePeriod: period.describe(n.rehandle),
  maxExtensionWorkdays: z.number().int().min(0).max(n.maxExtension ?? 130).describe('最长延期（工作日）'),
  remindWorkdaysBefore: z.number().int().min(0).max(30).describe('到期前提醒（工作日）'),
});
