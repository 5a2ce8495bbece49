import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf, contextOf } from '../../platform/http/context.js';
import { allowedActions, authorize, committeeSubject } from '../../platform/policy/policy.js';
import { locksNow } from '../../platform/auth/throttle.js';
import type { Actor } from '../../platform/auth/actor.js';
import { idParams } from '../../../shared/org/inputs.js';
import { createUser } from './commands/create-user.js';
import { resetPassword } from './commands/reset-password.js';
import { updateUser } from './commands/update-user.js';
import { passwordReset, userInput, userPatch } from '../../../shared/users/inputs.js';
import { userPaths as paths } from '../../../shared/users/paths.js';
import { user, userList } from '../../../shared/users/responses.js';
import { userCollectionPolicy } from './policy.js';
import { presentUser } from './presenter.js';
import { listUsers } from './queries.js';
import type { User } from './schema.js';

/** 用户与角色: accounts of the committee. */
export async function userRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app.services;
  const present = async (actor: Actor, u: User) => presentUser(actor, u, await locksNow(database.db, app.services.now()));

  r.get(paths.list, { config: { answers: { userList } }, schema: { tags: ['users'], summary: '用户列表' } }, async (req) => {
    const actor = actorOf(req);
    authorize(userCollectionPolicy, 'read', actor, committeeSubject(actor));
    const [rows, locks] = await Promise.all([listUsers(database.db, actor), locksNow(database.db, app.services.now())]);
    return { items: rows.map((u) => presentUser(actor, u, locks)), actions: allowedActions(userCollectionPolicy, actor, committeeSubject(actor)) };
  });

  r.post(paths.list, { config: { answers: { user } }, schema: { body: userInput, tags: ['users'], summary: '新增用户' } }, async (req) => present(actorOf(req), await createUser(contextOf(req), req.body)));

  r.patch(paths.detail, { config: { answers: { user } }, schema: { params: idParams, body: userPatch, tags: ['users'], summary: '修改用户' } }, async (req) =>
    present(actorOf(req), await updateUser(contextOf(req), { id: req.params.id, ...req.body })),
  );

  r.post(paths.resetPassword, { config: { answers: { user } }, schema: { params: idParams, body: passwordReset, tags: ['users'], summary: '重置密码' } }, async (req) =>
    present(actorOf(req), await resetPassword(contextOf(req), { id: req.params.id, password: req.body.password })),
  );
}
