import type { Actor } from '../../platform/auth/actor.js';
import { allowedActions, type Policy } from '../../platform/policy/policy.js';
import { contactWays } from '../../../shared/outreach/labels.js';
import type { Presented } from '../../../shared/http/responses.js';
import { ownedSchemas, type ownedBase } from '../../../shared/outreach/responses.js';
import { onlyDeclared } from '../../platform/http/answers.js';
import { ownedKinds, policyOf, type OwnedKey, type OwnedRow } from './kinds.js';
import type { OwnedRecord } from './policy.js';

const buttons = (actions: string[]) => actions.filter((a) => a !== 'read' && a !== 'create');

/** A member's item as the client sees it: the row's fields its kind's schema names, names of its status and way, and the buttons the actor may press. */
export function presentOwned(actor: Actor, key: OwnedKey, row: OwnedRow, memberName: string): Presented<typeof ownedBase> & Record<string, unknown> {
  const r = row as OwnedRow & { way?: string };
  return onlyDeclared(ownedSchemas[key], {
    ...row,
    memberName,
    statusLabel: ownedKinds[key].statuses[row.status] ?? row.status,
    ...(r.way ? { wayLabel: contactWays[r.way as keyof typeof contactWays] ?? r.way } : {}),
    actions: buttons(allowedActions(policyOf(key) as Policy<OwnedRecord & { id: string; version: number }, string>, actor, row)),
  }) as Presented<typeof ownedBase> & Record<string, unknown>;
}

