import type { FastifyInstance } from 'fastify';
import { loginBody, passwordBody } from '../../../shared/auth/inputs.js';
import { authPaths as paths } from '../../../shared/auth/paths.js';
import { type me, meAnswer, sessionAnswer } from '../../../shared/auth/responses.js';
import type { Office, Role } from '../../../shared/auth/roles.js';
import { okAnswer, type Presented } from '../../../shared/http/responses.js';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { actorOf } from '../http/context.js';
import { audit } from '../audit/audit.js';
import { users } from './schema.js';
import { capabilitiesOf } from '../navigation/capabilities.js';
import { chinaToday } from '../calendar/workdays.js';
import { checkCredentials } from './login.js';
import { clearAttempts, defaultLockout, passwordSubject, recordFailure, reserveAttempt } from './throttle.js';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.js';
import { SESSION_COOKIE, endSession, endUserSessions, resolveSession, startSession, type SessionContext } from './sessions.js';

/** What the client knows about the logged-in user. */
export function presentMe(s: Pick<SessionContext, 'user' | 'committee'>): Presented<typeof me> {
  const { user, committee } = s;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    // stored as text, written only through the user inputs that allow exactly these
    roles: user.roles as Role[],
    office: user.office as Office | null,
    memberId: user.memberId,
    unitId: user.unitId,
    committee: { id: committee.id, name: committee.name, shortName: committee.shortName, level: committee.level },
  };
}

export async function authRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, config } = app.services;
  const sessionPolicy = { idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours };
  // login, /me and /session answer with the same user: the roles plus what the menu may offer beyond
  // them (settings-dependent rights), by the checks the routes enforce
  const answer = async (session: SessionContext, now: Date): Promise<Presented<typeof meAnswer>> => ({
    user: { ...presentMe(session), capabilities: await capabilitiesOf(database.db, session.actor, chinaToday(now), app.services.modules.capabilities) },
    csrfToken: session.csrfToken,
  });

  r.post(
    paths.login,
    {
      schema: { body: loginBody, tags: ['auth'], summary: '登录' },
      config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' }, answers: { meAnswer } },
    },
    async (req, reply) => {
      const now = app.services.now();
      const user = await checkCredentials(database, req.body.username, req.body.password, undefined, now, req.ip);
      const old = req.cookies[SESSION_COOKIE];
      if (old) await endSession(database, old);
      const { token } = await startSession(database, user.id, sessionPolicy, now);
      reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure: config.secureCookies });
      const session = await resolveSession(database, token, sessionPolicy, now);
      return answer(session!, now);
    },
  );

  r.get(paths.me, { config: { answers: { meAnswer } }, schema: { tags: ['auth'], summary: '当前用户' } }, async (req) => {
    actorOf(req); // 401 without a session
    return answer(req.session!, app.services.now());
  });

  // the web client's first question, asked by every visitor: answering it with 401 would put an error
  // in an anonymous visitor's console on the public portal; /api/auth/me stays 401 for API clients
  r.get(paths.session, { schema: { tags: ['auth'], summary: '当前会话（未登录时 user 为 null）' }, config: { public: true, answers: { sessionAnswer } } }, async (req) => {
    if (!req.session) return { user: null, csrfToken: null };
    return answer(req.session, app.services.now());
  });

  r.post(paths.logout, { schema: { tags: ['auth'], summary: '退出登录' }, config: { public: true, answers: { okAnswer } } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await endSession(database, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  /**
   * The current password is a secret to guess like a login: each wrong one is audited and counted
   * (per account); the last one allowed ends the session that guessed, and the form stays locked
   * for the lock period — no unlimited oracle behind a stolen session.
   */
  r.post(paths.password, { config: { answers: { okAnswer } }, schema: { body: passwordBody, tags: ['auth'], summary: '修改密码' } }, async (req) => {
    const actor = actorOf(req);
    const user = req.session!.user;
    const now = app.services.now();
    const subject = passwordSubject(user.id);
    const attempt = await reserveAttempt(database.db, subject, '*', defaultLockout, now);
    if (!attempt.allowed) throw new AppError('locked', `原密码错误次数过多，请${attempt.minutesLeft}分钟后再试`);
    if (!(await verifyPassword(req.body.oldPassword, user.passwordHash))) {
      const locked = await recordFailure(database.db, subject, '*', attempt.failures, defaultLockout, now);
      await database.db.transaction(async (tx) => {
        await audit(tx, actor, { action: locked ? 'auth.password_locked' : 'auth.password_check_failed', subjectType: 'user', subjectId: user.id, after: { address: req.ip, failures: attempt.failures } });
      });
      if (locked) {
        await endSession(database, req.cookies[SESSION_COOKIE]!);
        throw new AppError('locked', `原密码连续${defaultLockout.maxFailures}次错误，已退出登录，${defaultLockout.lockMinutes}分钟内不能修改密码`);
      }
      throw AppError.field('oldPassword', '原密码', '不正确');
    }
    await clearAttempts(database.db, subject);
    const problem = passwordProblem(req.body.newPassword, user.username);
    if (problem) throw AppError.field('newPassword', '新密码', problem);
    if (req.body.newPassword === req.body.oldPassword) throw AppError.field('newPassword', '新密码', '不能与原密码相同');
    const passwordHash = await hashPassword(req.body.newPassword);
    await database.db.transaction(async (tx) => {
      // changed at the app's clock, as an administrator's reset is (users/commands/reset-password.ts)
      await tx.update(users).set({ passwordHash, passwordChangedAt: now, version: user.version + 1 }).where(eq(users.id, user.id));
      await audit(tx, actor, { action: 'auth.password_changed', subjectType: 'user', subjectId: user.id, after: { address: req.ip } });
    });
    await endUserSessions(database, user.id);
    return { ok: true };
  });
}
