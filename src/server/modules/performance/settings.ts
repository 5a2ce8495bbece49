import { z } from 'zod';
import type { Executor } from '../../db/client.js';
import { getSettings } from '../../platform/settings/settings.js';
import { defineSettings } from '../../platform/settings/settings.js';
import { defaultRules } from './presets.js';
import { rulesSchema, type ScoringRules } from '../../../shared/performance/rules.js';

/**
 * 履职考核办法, per committee and year: admins edit the rules through /api/settings/performance
 * (or apply one of the presets: /api/performance/presets). Year 0 holds the rules for every year.
 */
export const performanceSettings = defineSettings({
  module: 'performance',
  label: '委员履职考核',
  schema: z.object({ rules: rulesSchema.describe('考核办法') }),
  defaults: { rules: defaultRules },
});

/** The rules in force for a committee and year. */
export async function rulesFor(db: Executor, committeeId: string, year: number): Promise<ScoringRules> {
  return (await getSettings(db, performanceSettings, committeeId, year)).rules;
}
