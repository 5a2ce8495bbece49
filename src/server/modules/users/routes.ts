import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { asc, eq } from 'drizzle-orm';
import { users } from '../../platform/auth/schema.js';
import { actorOf } from '../../platform/http/context.js';
import { allowedActions, authorize, committeeSubject } from '../../platform/policy/policy.js';
import { idParams } from '../org/inputs.js';
import { passwordReset, userInput, userPatch } from './inputs.js';
import { userPolicy } from './policy.js';
import { createUser, presentUser, resetPassword, updateUser, type User } from './service.js';

/** 用户与角色: accounts of the committee. */
export async function userRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app.services;
  const present = (actor: ReturnType<typeof actorOf>, u: User) => presentUser(u, allowedActions(userPolicy, actor, u));
  const listSubject = (actor: ReturnType<typeof actorOf>) => ({ ...committeeSubject(actor), id: '', roles: [] as string[] });

  r.get('/api/users', { schema: { tags: ['users'], summary: '用户列表' } }, async (req) => {
    const actor = actorOf(req);
    authorize(userPolicy, 'read', actor, listSubject(actor));
    const rows = await database.db.select().from(users).where(eq(users.committeeId, actor.committeeId)).orderBy(asc(users.username));
    return { items: rows.map((u) => present(actor, u)), actions: allowedActions(userPolicy, actor, listSubject(actor)) };
  });

  r.post('/api/users', { schema: { body: userInput, tags: ['users'], summary: '新增用户' } }, async (req) => present(actorOf(req), await createUser(database, actorOf(req), req.body)));

  r.patch('/api/users/:id', { schema: { params: idParams, body: userPatch, tags: ['users'], summary: '修改用户' } }, async (req) => {
    const { version, ...changes } = req.body;
    return present(actorOf(req), await updateUser(database, actorOf(req), req.params.id, version, changes));
  });

  r.post('/api/users/:id/reset-password', { schema: { params: idParams, body: passwordReset, tags: ['users'], summary: '重置密码' } }, async (req) =>
    present(actorOf(req), await resetPassword(database, actorOf(req), req.params.id, req.body.password)),
  );
}
