import { z } from 'zod';
import { defineSettings } from '../../platform/settings/settings.js';
import { handlingRuleFields } from '../../platform/handling/rules.js';

/**
 * Consultation rules (RULES.md "Consultation"). Defaults are what real committees use; an admin
 * changes each per committee and year.
 */
export const consultationSettings = defineSettings({
  module: 'consultation',
  label: '协商议政',
  schema: z.object({
    noticeWorkdays: z.number().int().min(1).max(60).describe('会前通知（工作日）'),
    materialsWorkdays: z.number().int().min(1).max(60).describe('会前送达材料（工作日）'),
    minutesWorkdays: z.number().int().min(1).max(30).describe('会后印发纪要（工作日）'),
    timingRemindWorkdays: z.number().int().min(0).max(10).describe('会务时限到期前提醒（工作日）'),
    publicTopics: z.boolean().describe('接受群众出题'),
    qualityQuestions: z.array(z.string().trim().min(4).max(40)).min(1).max(10).describe('协商质量评价题目'),
    roomMemberModeration: z.enum(['publishFirst', 'reviewFirst']).describe('网络议政委员发言审核'),
    ...handlingRuleFields({ objection: '部门提出异议期限', reply: '部门答复期限', rehandle: '再次办理期限', answers: '部门答复类别' }),
  }),
  defaults: {
    // RULES.md: notice 15 working days ahead, materials 10, minutes within 7
    noticeWorkdays: 15,
    materialsWorkdays: 10,
    minutesWorkdays: 7,
    // the office hears of each limit three working days ahead: time to send a notice or print materials
    timingRemindWorkdays: 3,
    // seed 004: 群众出题 is one of the four sources
    publicTopics: true,
    // seed 002/004: consultation quality is judged on the topic, the preparation, the exchange, the departments' response and the outcome
    qualityQuestions: ['议题选择切中发展大局和群众关切', '会前调研和材料准备充分', '协商讨论充分、平等互动', '有关部门回应认真具体', '协商成果有针对性和可操作性'],
    // members speak under their own names and are trusted: shown at once, the office hides what it must
    // (the public's posts are always held for moderation first)
    roomMemberModeration: 'publishFirst',
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
export type ConsultationSettings = typeof consultationSettings.defaults;
