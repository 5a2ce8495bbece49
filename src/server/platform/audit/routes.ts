import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, count, desc, eq, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import { auditQuery } from '../../../shared/audit/inputs.js';
import { auditPaths as paths } from '../../../shared/audit/paths.js';
import type { Presented } from '../../../shared/http/responses.js';
import { auditActions, auditEntry, auditPage, verification } from '../../../shared/audit/responses.js';
import { onlyDeclared } from '../http/answers.js';
import { actorOf } from '../http/context.js';
import { authorize, committeeSubject, definePolicy } from '../policy/policy.js';
import { auditLog } from './schema.js';
import { verifyAuditChain } from './audit.js';
import { auditActionLabel, auditSubjectLabel, auditTitles, findAuditSubjects } from './names.js';

/**
 * 三员分立: only the security auditor (安全审计员) reads the audit trail. The system administrator
 * changes configuration and accounts but cannot read or erase the audit; the security
 * administrator resets passwords; nobody can erase the trail (the database refuses it).
 */
export const auditPolicy = definePolicy<{ committeeId: string }, 'read'>('audit', '审计日志', {
  read: [{ roles: ['auditor'] }],
});

export async function auditRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.services.database;

  r.get(paths.list, { config: { answers: { auditPage } }, schema: { querystring: auditQuery, tags: ['audit'], summary: '审计日志（安全审计员）' } }, async (req): Promise<Presented<typeof auditPage>> => {
    const actor = actorOf(req);
    authorize(auditPolicy, 'read', actor, committeeSubject(actor));
    const q = req.query;
    const where: SQL[] = [eq(auditLog.committeeId, actor.committeeId)];
    if (q.subjectType) where.push(eq(auditLog.subjectType, q.subjectType));
    if (q.subjectId) where.push(eq(auditLog.subjectId, q.subjectId));
    if (q.actorId) where.push(eq(auditLog.actorId, q.actorId));
    if (q.action) where.push(eq(auditLog.action, q.action));
    if (q.from) where.push(gte(auditLog.at, new Date(`${q.from}T00:00:00+08:00`)));
    if (q.to) where.push(lte(auditLog.at, new Date(`${q.to}T23:59:59.999+08:00`)));
    if (q.q) {
      // the records whose title or number holds the text, of every type that names its records
      const found = await findAuditSubjects(db, app.services.modules.auditSubjects, actor.committeeId, q.q);
      where.push(found.length ? or(...found.map((f) => and(eq(auditLog.subjectType, f.type), inArray(auditLog.subjectId, f.ids))))! : sql`false`);
    }
    const [{ total }] = await db.select({ total: count() }).from(auditLog).where(and(...where));
    const rows = await db.select().from(auditLog).where(and(...where)).orderBy(desc(auditLog.seq)).limit(q.pageSize).offset((q.page - 1) * q.pageSize);
    const titles = await auditTitles(db, app.services.modules.auditSubjects, actor.committeeId, rows);
    // the fields the page shows: not the committee (the reader's), the actor's account id or the previous row's hash (the chain is checked by verify)
    const items = rows.map((r) => onlyDeclared(auditEntry, { ...r, actionLabel: auditActionLabel(r.action), subjectLabel: auditSubjectLabel(r.subjectType), subjectTitle: titles.get(`${r.subjectType}:${r.subjectId}`) ?? null }));
    return { items, total };
  });

  r.get(paths.actions, { config: { answers: { auditActions } }, schema: { tags: ['audit'], summary: '审计日志中出现过的操作（中文名称）' } }, async (req): Promise<Presented<typeof auditActions>> => {
    const actor = actorOf(req);
    authorize(auditPolicy, 'read', actor, committeeSubject(actor));
    const rows = await db.selectDistinct({ action: auditLog.action }).from(auditLog).where(eq(auditLog.committeeId, actor.committeeId));
    return { items: rows.map((r) => ({ action: r.action, label: auditActionLabel(r.action) })).sort((a, b) => a.label.localeCompare(b.label, 'zh')) };
  });

  r.get(paths.verify, { config: { answers: { verification } }, schema: { tags: ['audit'], summary: '校验审计日志哈希链' } }, async (req): Promise<Presented<typeof verification>> => {
    const actor = actorOf(req);
    authorize(auditPolicy, 'read', actor, committeeSubject(actor));
    const broken = (await verifyAuditChain(db, app.services.config.auditAnchors)).filter((b) => b.committeeId === actor.committeeId || b.committeeId === '');
    return { intact: broken.length === 0, broken };
  });
}
