import { z } from 'zod';
import { defineSettings } from '../../platform/settings/settings.js';

/**
 * 学习 rules: how many days back a member may still check in to a reading group (补打卡; 0 = only
 * today). An admin changes it per committee and year.
 */
export const learningSettings = defineSettings({
  module: 'learning',
  label: '学习',
  schema: z.object({
    checkinBackDays: z.number().int().min(0).max(60).describe('读书打卡可补打天数'),
  }),
  defaults: { checkinBackDays: 7 },
});
export type LearningSettings = typeof learningSettings.defaults;
