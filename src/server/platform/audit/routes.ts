import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { actorOf } from '../http/context.js';
import { authorize, committeeSubject, definePolicy } from '../policy/policy.js';
import { auditLog } from './schema.js';
import { verifyAuditChain } from './audit.js';

/**
 * 三员分立: only the security auditor (安全审计员) reads the audit trail. The system administrator
 * changes configuration and accounts but cannot read or erase the audit; the security
 * administrator resets passwords; nobody can erase the trail (the database refuses it).
 */
export const auditPolicy = definePolicy<{ committeeId: string }, 'read'>('audit', '审计日志', {
  read: [{ roles: ['auditor'] }],
});

const query = z.object({
  subjectType: z.string().max(40).optional().describe('对象类型'),
  subjectId: z.string().max(80).optional().describe('对象编号'),
  actorId: z.uuid().optional().describe('操作人'),
  action: z.string().max(60).optional().describe('操作'),
  from: z.iso.date().optional().describe('开始日期'),
  to: z.iso.date().optional().describe('结束日期'),
  page: z.coerce.number().int().min(1).max(100000).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(200).default(50).describe('每页条数'),
});

export async function auditRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.services.database;

  r.get('/api/audit', { schema: { querystring: query, tags: ['audit'], summary: '审计日志（安全审计员）' } }, async (req) => {
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
    const [{ total }] = await db.select({ total: count() }).from(auditLog).where(and(...where));
    const items = await db.select().from(auditLog).where(and(...where)).orderBy(desc(auditLog.seq)).limit(q.pageSize).offset((q.page - 1) * q.pageSize);
    return { items, total };
  });

  r.get('/api/audit/verify', { schema: { tags: ['audit'], summary: '校验审计日志哈希链' } }, async (req) => {
    const actor = actorOf(req);
    authorize(auditPolicy, 'read', actor, committeeSubject(actor));
    const broken = (await verifyAuditChain(db, app.services.config.auditAnchors)).filter((b) => b.committeeId === actor.committeeId || b.committeeId === '');
    return { intact: broken.length === 0, broken };
  });
}
