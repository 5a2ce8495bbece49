import { defineModule } from '../../platform/modules/manifest.js';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AuditSubject } from '../../platform/audit/names.js';
import { homeCards } from './cards.js';
import { readableDutyIds } from './load.js';
import { homeRoutes } from './routes.js';
import { homeDuties, homeSuggestions } from './schema.js';

/** Duty days and suggestions are known by their date in the audit trail (found by typing it, e.g. 2026-03-03). */
const byDay = (table: typeof homeDuties | typeof homeSuggestions, label: string): AuditSubject => ({
  async titles(db, committeeId, ids) {
    const rows = await db.select({ id: table.id, day: table.day }).from(table).where(and(eq(table.committeeId, committeeId), inArray(table.id, ids)));
    return new Map(rows.map((r) => [r.id, `${label}（${r.day}）`]));
  },
  async find(db, committeeId, text) {
    const rows = await db.select({ id: table.id }).from(table).where(and(eq(table.committeeId, committeeId), sql`${table.day}::text like ${`%${text.replace(/[%_\\]/g, (c) => '\\' + c)}%`}`)).limit(500);
    return rows.map((r) => r.id);
  },
});
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
    homeDuty: byDay(homeDuties, '委员之家值班'),
    homeSuggestion: byDay(homeSuggestions, '委员之家工作建议'),
  },
  ledgerSources: { homeDuty: readableDutyIds },
  summary: homeSummary,
});
