import { defineModule } from '../../platform/modules/manifest.js';
import { namedAuditSubject } from '../../platform/audit/names.js';
import { homeCards } from './cards.js';
import { readableDutyIds } from './load.js';
import { homeRoutes } from './routes.js';
import { homeDuties, homeSuggestions } from './schema.js';
import { homeSettings } from './settings.js';
import { homeSummary } from './summary.js';

/**
 * 委员之家 and 主席接待日: the duty rota, the visits the member on duty receives, and the suggestions
 * they collect, each convertible into a proposal draft or an opinion report.
 *
 * Its own module rather than a part of `outreach`: outreach keeps what each member does with the
 * public on their own (diaries, deeds, paired residents — one member per record, a member's quotas),
 * while the Home is a place the offices run — a rota assigned by staff, opening days as a setting,
 * visits received by whoever is on duty from other members as much as from the public, and the
 * committee's yearly figures. It shares outreach's ledger settling and the requests module's one
 * conversion mechanism (`requests/conversion.ts`) instead of copying them.
 */
export const membersHomeModule = defineModule({
  name: 'membersHome',
  label: '委员之家',
  routes: [homeRoutes],
  settings: [homeSettings],
  cards: [homeCards],
  auditSubjects: {
    homeDuty: namedAuditSubject(homeDuties, [homeDuties.day], ([day]) => `委员之家值班（${day}）`),
    homeSuggestion: namedAuditSubject(homeSuggestions, [homeSuggestions.day], ([day]) => `委员之家工作建议（${day}）`),
  },
  ledgerSources: { homeDuty: readableDutyIds },
  summary: homeSummary,
});
