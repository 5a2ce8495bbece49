import { z } from 'zod';
import { defineSettings } from '../../platform/settings/settings.js';

/**
 * 上下联动 rules: how the districts' members take part in a joint event unless the organiser picks
 * otherwise — 自愿报名 (replying 不出席 costs nothing) or 指定参加 (absence needs leave, granted by the
 * member's own committee). An admin changes it per committee and year.
 */
export const jointSettings = defineSettings({
  module: 'joint',
  label: '上下联动',
  schema: z.object({
    participation: z.enum(['voluntary', 'assigned']).describe('联合视察调研默认参加方式'),
  }),
  // the city invites; the districts' members choose (the way joint events ran before it was a choice)
  defaults: { participation: 'voluntary' as 'voluntary' | 'assigned' },
});
