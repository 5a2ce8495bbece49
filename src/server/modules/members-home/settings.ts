import { z } from 'zod';
import { defineSettings } from '../../platform/settings/settings.js';

/**
 * When the Members' Home receives: its opening weekdays (1 = Monday … 7 = Sunday) and whether a
 * statutory holiday closes it (make-up working days then open it). Staff put members on duty only
 * on the days it opens.
 */
export const homeSettings = defineSettings({
  module: 'membersHome',
  label: '委员之家',
  schema: z.object({
    openWeekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7).describe('开放日（周几）'),
    workdaysOnly: z.boolean().describe('节假日不开放'),
  }),
  // 主席接待日 in the seeds is weekly or twice a week; Tuesday and Thursday afternoons are common
  defaults: { openWeekdays: [2, 4], workdaysOnly: true },
});
export type HomeSettings = typeof homeSettings.defaults;
