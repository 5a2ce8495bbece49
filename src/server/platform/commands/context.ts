import type { Database } from '../../db/client.js';
import type { Actor } from '../auth/actor.js';

/**
 * What every command runs with: the database, who acts, and today's date in China by the app's
 * clock (tests move it). A command takes this and one input object — `createUser(ctx, input)`,
 * `updateMember(ctx, { id, version, ...changes })` — so a call names what it passes.
 * Routes build it with `contextOf(req)`; the demo and jobs build it by hand.
 */
export interface CommandContext {
  database: Database;
  actor: Actor;
  /** YYYY-MM-DD: the day of `now` in China */
  today: string;
  /** the app's clock at this request (services.now()): every dated act a person sees is recorded at it */
  now: Date;
}
