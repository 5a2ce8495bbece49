import { and, eq, ilike, inArray, or } from 'drizzle-orm';
import { defineModule } from '../../platform/modules/manifest.js';
import type { AuditSubject } from '../../platform/audit/names.js';
import { committees } from '../../platform/tenancy/schema.js';
import { organisationCards } from './cards.js';
import { orgRoutes } from './routes.js';

/** The committee itself (an import of past proposals is audited on it), or one below it: by its name. */
const ownOrBelow = (committeeId: string) => or(eq(committees.id, committeeId), eq(committees.parentId, committeeId));
const committeeSubject: AuditSubject = {
  async titles(db, committeeId, ids) {
    const rows = await db.select({ id: committees.id, name: committees.name }).from(committees).where(and(ownOrBelow(committeeId), inArray(committees.id, ids)));
    return new Map(rows.map((r) => [r.id, r.name]));
  },
  async find(db, committeeId, text) {
    const like = `%${text.replace(/[%_\\]/g, (c) => '\\' + c)}%`;
    const rows = await db.select({ id: committees.id }).from(committees).where(and(ownOrBelow(committeeId), or(ilike(committees.name, like), ilike(committees.shortName, like))));
    return rows.map((r) => r.id);
  },
};

/** 组织机构: terms and sessions, sectors, special committees, units and the other catalogs. */
export const orgModule = defineModule({
  name: 'org',
  label: '组织机构',
  routes: [orgRoutes],
  cards: [organisationCards],
  auditSubjects: { committee: committeeSubject },
});
