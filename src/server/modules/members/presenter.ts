import type { Presented } from '../../../shared/http/responses.js';
import { member } from '../../../shared/members/responses.js';
import { onlyDeclared } from '../../platform/http/answers.js';
import type { Actor } from '../../platform/auth/actor.js';
import { allowedActions, can } from '../../platform/policy/policy.js';
import type { OrgLookups } from '../org/lookups.js';
import { positionLabels, type Position } from '../../../shared/members/labels.js';
import { memberPolicy } from './policy.js';
import type { Member } from './schema.js';

/** A member for the client: names of the references, the allowed actions, contact details only when allowed. */
export function presentMember(m: Member, actor: Actor, lookups: OrgLookups): Presented<typeof member> {
  const showContact = can(memberPolicy, 'readContact', actor, m);
  return onlyDeclared(member, {
    ...m,
    phone: showContact ? m.phone : null,
    email: showContact ? m.email : null,
    birthDate: showContact ? m.birthDate : null,
    partyName: m.partyId ? lookups.parties.byId.get(m.partyId) ?? null : null,
    sectorName: m.sectorId ? lookups.sectors.byId.get(m.sectorId) ?? null : null,
    studioName: m.studioId ? lookups.studios.byId.get(m.studioId) ?? null : null,
    streetGroupName: m.streetGroupId ? lookups['street-groups'].byId.get(m.streetGroupId) ?? null : null,
    specialCommitteeNames: m.specialCommitteeIds.map((id) => lookups['special-committees'].byId.get(id) ?? '').filter(Boolean),
    positionLabel: positionLabels[m.position as Position] ?? m.position,
    actions: allowedActions(memberPolicy, actor, m),
  });
}
