import type { FastifyInstance } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { AppError } from '../errors.js';
import { SESSION_COOKIE, resolveSession } from '../auth/sessions.js';
import { noteWrite, observeGeneration, runInRequestScope, SHARED } from '../cache/cache.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the session of every API request. Routes are private unless marked `public`.
 * Cookie-authenticated writes must carry the session's CSRF token in `x-csrf-token`
 * (SameSite=strict is the first line; the token is the second).
 */
export function registerAuthHook(app: FastifyInstance) {
  const { database, config } = app.services;
  const policy = { idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours };
  app.decorateRequest('session', null);
  // the hooks and handler of each request run in a scope of their own, where the caches find what the
  // session lookup read and whether the request has written since
  app.addHook('onRequest', (_req, _reply, done) => runInRequestScope(done));
  const stopObserving = database.observeWrites?.(() => noteWrite());
  app.addHook('onClose', async () => stopObserving?.());
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    req.session = await resolveSession(database, req.cookies[SESSION_COOKIE], policy, app.services.now());
    if (req.session) {
      observeGeneration(req.session.actor.committeeId, req.session.generations.committee);
      observeGeneration(SHARED, req.session.generations.shared);
    }
    const isPublic = req.routeOptions.config?.public === true;
    if (!req.session) {
      if (isPublic) return;
      throw new AppError('unauthenticated', '请先登录');
    }
    if (!SAFE.has(req.method) && !isPublic) {
      const sent = String(req.headers['x-csrf-token'] ?? '');
      const expected = req.session.csrfToken;
      if (sent.length !== expected.length || !timingSafeEqual(Buffer.from(sent), Buffer.from(expected))) {
        throw new AppError('forbidden', '页面已过期，请刷新后重试（CSRF 校验失败）');
      }
    }
  });
}
