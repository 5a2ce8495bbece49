import type { Actor, Role } from '../../src/server/platform/auth/actor.js';

/** The committee the policy and workflow tables play in unless a case says another. */
export const TABLE_COMMITTEE = 'c1';

/**
 * A person as policies and workflow tables see them: their roles and where they sit (office,
 * member, unit, committee) — nothing else enters a decision. Two different people get two
 * different user ids, unless a case names one (an author's, to match the record they wrote).
 *
 * @example actorAs(['member'], { memberId: 'm1' }); actorAs(['staff'], { office: 'general', committeeId: 'c2' })
 */
export function actorAs(roles: Role[], where: Partial<Actor> = {}): Actor {
  const { office = null, memberId = null, unitId = null, committeeId = TABLE_COMMITTEE } = where;
  return { userId: `u-${roles.join('+')}-${office ?? ''}-${memberId ?? ''}-${unitId ?? ''}-${committeeId}`, name: 'x', roles, office, memberId, unitId, committeeId, ...where };
}

/**
 * The staff of one committee and the people outside a record's own circle, the cast most workflow
 * tables check every step against; each table adds the members its records name.
 */
export const committeeCast = {
  roster: actorAs(['staff'], { office: 'members' }),
  office: actorAs(['staff'], { office: 'general' }),
  proposalStaff: actorAs(['staff'], { office: 'proposal' }),
  admin: actorAs(['admin']),
  leader: actorAs(['leader', 'member'], { memberId: 'chair' }),
  unit: actorAs(['unit']),
};
