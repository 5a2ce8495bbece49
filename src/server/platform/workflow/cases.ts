import type { Actor, Role } from '../auth/actor.js';
import { decide, type ContextArg, type Workflow } from './workflow.js';

/** Test support for workflow tables: people with the roles and offices of one committee. */
export const personOf =
  (committeeId: string) =>
  (roles: Role[], o: Partial<Actor> = {}): Actor => ({ userId: 'u-' + roles.join(), committeeId, name: 'x', roles, office: null, memberId: null, unitId: null, ...o });

/** One action's rule as written out in a test, independently of the table: from which states, by whom. */
export interface Expected<S, W, R> {
  from: readonly S[];
  who: readonly W[];
  /** the record this action is tried on (defaults to the test's record) */
  record?: Partial<R>;
}

/**
 * Every (action, state, person) case of a table against the rules written out by hand: exactly the
 * listed people may take each action from the listed states, everyone else is refused (with a
 * Chinese reason), every other committee included.
 */
export function transitionCases<S extends string, A extends string, R extends { status: string; committeeId: string }, C, W extends string>(
  workflow: Workflow<S, A, R, C>,
  people: Record<W, Actor>,
  record: (status: S, o?: Partial<R>) => R,
  expected: Record<A, Expected<S, W, R>> | Partial<Record<A, Expected<S, W, R>>>,
  ...context: ContextArg<C>
) {
  const states = Object.keys(workflow.stateLabels) as S[];
  return (Object.entries(expected) as [A, Expected<S, W, R>][]).flatMap(([action, rule]) =>
    states.flatMap((state) =>
      (Object.keys(people) as W[]).map((who) => ({
        action, state, who,
        allowed: rule.from.includes(state) && rule.who.includes(who),
        verdict: () => decide(workflow, action, people[who], record(state, rule.record), ...context),
      })),
    ),
  );
}
