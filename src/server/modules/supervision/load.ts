import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { assignedUnits } from '../../platform/handling/scope.js';
import { authorize, readableIds } from '../../platform/policy/policy.js';
import { groupPolicy, suggestionPolicy, type Group, type Suggestion } from './policy.js';
import { supervisionGroupMembers, supervisionGroups, supervisionSuggestions } from './schema.js';
import type { SuggestionRow } from './workflow.js';

/** Groups with their members (the leader among them). */
export async function withMembers(db: Executor, rows: (typeof supervisionGroups.$inferSelect)[]): Promise<Group[]> {
  if (rows.length === 0) return [];
  const links = await db.select().from(supervisionGroupMembers).where(inArray(supervisionGroupMembers.groupId, rows.map((g) => g.id)));
  return rows.map((g) => ({ ...g, memberIds: links.filter((l) => l.groupId === g.id).map((l) => l.memberId) }));
}

export async function loadGroup(db: Executor, actor: Actor, id: string): Promise<Group> {
  const [row] = await db.select().from(supervisionGroups).where(eq(supervisionGroups.id, id));
  if (!row) throw AppError.notFound('民主监督小组');
  const [group] = await withMembers(db, [row]);
  authorize(groupPolicy, 'read', actor, group);
  return group;
}

/** Adds what the policies need beyond the row: the units it was sent to. */
export async function withParties(db: Executor, rows: SuggestionRow[]): Promise<Suggestion[]> {
  if (rows.length === 0) return [];
  const units = await assignedUnits(db, 'supervision', rows.map((s) => s.id));
  return rows.map((s) => ({ ...s, unitIds: units.get(s.id)! }));
}

/** Loads a suggestion the actor may read (else not-found). */
export async function loadSuggestion(db: Executor, actor: Actor, id: string): Promise<Suggestion> {
  const [row] = await db.select().from(supervisionSuggestions).where(eq(supervisionSuggestions.id, id));
  if (!row) throw AppError.notFound('监督建议');
  const [s] = await withParties(db, [row]);
  authorize(suggestionPolicy, 'read', actor, s);
  return s;
}

/** For updateRecord and applyTransition: the row with its parties, as the rules expect. */
export const suggestionSubjectOf = async (row: SuggestionRow, db: Executor): Promise<Suggestion> => (await withParties(db, [row]))[0];

/** Of the groups asked, those the viewer may open (a member record's ledger sources). */
export async function readableGroupIds(db: Executor, viewer: Actor, ids: string[]): Promise<Set<string>> {
  return readableIds(groupPolicy, viewer, await withMembers(db, await db.select().from(supervisionGroups).where(inArray(supervisionGroups.id, ids))));
}

/** Of the suggestions asked, those the viewer may open (a member record's ledger sources). */
export async function readableSuggestionIds(db: Executor, viewer: Actor, ids: string[]): Promise<Set<string>> {
  return readableIds(suggestionPolicy, viewer, await withParties(db, await db.select().from(supervisionSuggestions).where(inArray(supervisionSuggestions.id, ids))));
}
