import { AppError } from '../errors.js';
import type { Actor, Role } from '../auth/actor.js';

/**
 * A grant: who may do an action, and under which state of the subject. A rule with no `when`
 * allows every holder of the roles. Tenancy is checked before any grant: the subject must belong
 * to the actor's committee, unless the grant says otherwise with `crossCommittee`.
 */
export interface Grant<S> {
  roles: readonly Role[];
  when?: (actor: Actor, subject: S) => boolean;
  crossCommittee?: (actor: Actor, subject: S) => boolean;
}

export interface Policy<S, A extends string> {
  subject: string;
  /** Chinese name of the subject for messages, e.g. 委员 */
  label: string;
  grants: Record<A, Grant<S>[]>;
}

type Tenanted = { committeeId: string };

/** Declares a policy: action → list of grants (any one suffices). */
export function definePolicy<S extends Tenanted, A extends string>(subject: string, label: string, grants: Record<A, Grant<S>[]>): Policy<S, A> {
  return { subject, label, grants };
}

export function can<S extends Tenanted, A extends string>(policy: Policy<S, A>, action: A, actor: Actor, subject: S): boolean {
  return (policy.grants[action] ?? []).some((g) => {
    if (!g.roles.some((r) => actor.roles.includes(r))) return false;
    const sameCommittee = subject.committeeId === actor.committeeId;
    if (!sameCommittee && !g.crossCommittee?.(actor, subject)) return false;
    return g.when ? g.when(actor, subject) : true;
  });
}

/** The ids of the subjects the actor may read (e.g. a module's `ledgerSources`). */
export function readableIds<S extends Tenanted & { id: string }>(policy: Policy<S, 'read' | string>, actor: Actor, subjects: S[]): Set<string> {
  return new Set(subjects.filter((s) => can(policy, 'read', actor, s)).map((s) => s.id));
}

/** Every action the actor may take on the subject; sent to the client so buttons follow the same rules. */
export function allowedActions<S extends Tenanted, A extends string>(policy: Policy<S, A>, actor: Actor, subject: S): A[] {
  return (Object.keys(policy.grants) as A[]).filter((a) => can(policy, a, actor, subject));
}

/**
 * Throws unless allowed. A subject the actor may not even read is reported as not found, so a
 * forbidden read looks exactly like a missing record (no existence leak).
 */
export function authorize<S extends Tenanted, A extends string>(policy: Policy<S, A>, action: A, actor: Actor, subject: S, readAction = 'read' as A): void {
  if (can(policy, action, actor, subject)) return;
  if (action === readAction || !can(policy, readAction, actor, subject)) throw AppError.notFound(policy.label);
  throw AppError.forbidden(`没有对该${policy.label}执行此操作的权限`);
}

/**
 * The subject of rights on no particular record (create, list, statistics): the actor's committee,
 * as a module's collection policy reads it — never a made-up record. A collection policy is a
 * policy over this scope (or the scope with what its rules read, e.g. the offices deciding leave).
 *
 * @example definePolicy<CommitteeScope, 'read' | 'create' | 'stats'>('proposals', '提案', { … })
 */
export type CommitteeScope = { committeeId: string };
export const committeeSubject = (actor: Actor): CommitteeScope => ({ committeeId: actor.committeeId });
