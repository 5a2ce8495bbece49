import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { actorOf } from '../http/context.js';
import { audit } from '../audit/audit.js';
import { users } from './schema.js';
import { checkCredentials } from './login.js';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.js';
import { SESSION_COOKIE, endSession, endUserSessions, resolveSession, startSession, type SessionContext } from './sessions.js';

const loginBody = z.object({
  username: z.string().trim().min(1).max(64).describe('用户名'),
  password: z.string().min(1).max(128).describe('密码'),
});
const passwordBody = z.object({
  oldPassword: z.string().min(1).max(128).describe('原密码'),
  newPassword: z.string().min(1).max(128).describe('新密码'),
});

/** What the client knows about the logged-in user. */
export function presentMe(s: Pick<SessionContext, 'user' | 'committee'>) {
  const { user, committee } = s;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    office: user.office,
    memberId: user.memberId,
    unitId: user.unitId,
    committee: { id: committee.id, name: committee.name, shortName: committee.shortName, level: committee.level },
  };
}

export async function authRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, config } = app.services;
  const sessionPolicy = { idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours };

  r.post(
    '/api/auth/login',
    {
      schema: { body: loginBody, tags: ['auth'], summary: '登录' },
      config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const now = app.services.now();
      const user = await checkCredentials(database, req.body.username, req.body.password, undefined, now);
      const old = req.cookies[SESSION_COOKIE];
      if (old) await endSession(database, old);
      const { token } = await startSession(database, user.id, sessionPolicy, now);
      reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure: config.secureCookies });
      const session = await resolveSession(database, token, sessionPolicy, now);
      return { user: presentMe(session!), csrfToken: session!.csrfToken };
    },
  );

  r.get('/api/auth/me', { schema: { tags: ['auth'], summary: '当前用户' } }, async (req) => {
    actorOf(req);
    return { user: presentMe(req.session!), csrfToken: req.session!.csrfToken };
  });

  r.post('/api/auth/logout', { schema: { tags: ['auth'], summary: '退出登录' }, config: { public: true } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await endSession(database, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  r.post('/api/auth/password', { schema: { body: passwordBody, tags: ['auth'], summary: '修改密码' } }, async (req) => {
    const actor = actorOf(req);
    const user = req.session!.user;
    if (!(await verifyPassword(req.body.oldPassword, user.passwordHash))) throw AppError.field('oldPassword', '原密码', '不正确');
    const problem = passwordProblem(req.body.newPassword, user.username);
    if (problem) throw AppError.field('newPassword', '新密码', problem);
    if (req.body.newPassword === req.body.oldPassword) throw AppError.field('newPassword', '新密码', '不能与原密码相同');
    const passwordHash = await hashPassword(req.body.newPassword);
    await database.db.transaction(async (tx) => {
      await tx.update(users).set({ passwordHash, passwordChangedAt: new Date(), version: user.version + 1 }).where(eq(users.id, user.id));
      await audit(tx, actor, { action: 'auth.password_changed', subjectType: 'user', subjectId: user.id });
    });
    await endUserSessions(database, user.id);
    return { ok: true };
  });
}
