import type { Executor } from '../../db/client.js';
import type { Actor } from '../auth/actor.js';

/**
 * What a person may do that depends on more than their role — a committee setting, e.g. which
 * offices approve leave. The server answers with the same check it enforces, and sends the names
 * that hold with the current user, so the menu shows a page exactly when the page will work for
 * them (web `NavItem.capability`). A module defines its check next to the rule it guards and names it in its manifest.
 */
export type CapabilityCheck = (db: Executor, actor: Actor, today: string) => Promise<boolean>;

/** The names of every capability (of the modules' manifests, `defineModule({ capabilities })`) the actor has today. */
export async function capabilitiesOf(db: Executor, actor: Actor, today: string, checks: ReadonlyMap<string, CapabilityCheck>): Promise<string[]> {
  const held = await Promise.all([...checks].map(async ([name, check]) => ((await check(db, actor, today)) ? name : null)));
  return held.filter((x): x is string => x !== null).sort();
}
