import { defineModule } from '../../platform/modules/manifest.js';
import { namedAuditSubject } from '../../platform/audit/names.js';
import { learningCards } from './cards.js';
import { readableGroupIds, readableItemIds } from './load.js';
import { learningRoutes } from './routes.js';
import { learningItems, readingCheckins, readingGroups } from './schema.js';
import { learningSettings } from './settings.js';
import { learningSummary } from './summary.js';

/**
 * 学习: 每日一学 pushed to members (read and marked 已学), 书香政协 reading groups with daily check-ins
 * and notes. Training and reading events are the activity primitive's (meetings of kind training /
 * reading); 我的学习 lists those attended without keeping them again.
 */
export const learningModule = defineModule({
  name: 'learning',
  label: '学习',
  routes: [learningRoutes],
  settings: [learningSettings],
  cards: [learningCards],
  auditSubjects: {
    learningItem: namedAuditSubject(learningItems, [learningItems.title], ([title]) => `每日一学《${title}》`),
    readingGroup: namedAuditSubject(readingGroups, [readingGroups.name], ([name]) => `读书小组“${name}”`),
    readingCheckin: namedAuditSubject(readingCheckins, [readingCheckins.day], ([day]) => `读书打卡（${String(day)}）`),
  },
  ledgerSources: { learningItem: readableItemIds, readingGroup: readableGroupIds },
  summary: learningSummary,
});
