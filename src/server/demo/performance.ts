import type { Tx } from '../db/client.js';
import { audit } from '../platform/audit/audit.js';
import { systemActor } from '../platform/auth/actor.js';
import { moduleSettings } from '../platform/settings/schema.js';
import { defaultRules } from '../modules/performance/presets.js';
import { rulesSchema } from '../../shared/performance/rules.js';

/**
 * The demo committee's own appraisal scheme (考核办法), as its admin would save it for every year:
 * the default scheme — every kind of work the product records is scored — under the committee's
 * own name, with a commendation quota of about a tenth of its 180 members.
 */
export const demoScheme = rulesSchema.parse({
  ...defaultRules,
  name: '龙岗区政协委员履职积分考核办法',
  source: '区政协主席会议审议通过（演示数据）；表彰名额18名',
  commendTop: 18,
});

export async function seedDemoScheme(tx: Tx, committeeId: string) {
  const values = { rules: demoScheme };
  await tx.insert(moduleSettings).values({ committeeId, module: 'performance', year: 0, values });
  await audit(tx, systemActor(committeeId), { action: 'settings.update', subjectType: 'settings', subjectId: 'performance:0', after: values, note: '演示数据：本会考核办法' });
}
