import type { Actor, Role } from '../auth/actor.js';

/**
 * A workflow is a table of named transitions: from which states, by which roles, to which state,
 * under which guard. It is pure data, so it can be tested exhaustively and sent to the client.
 */
export interface Transition<S extends string, A extends string, R> {
  action: A;
  /** Chinese name of the action for buttons and audit, e.g. 立案 */
  label: string;
  from: readonly S[];
  to: S | ((record: R) => S);
  roles: readonly Role[];
  /** returns a Chinese refusal, or null when allowed; state preconditions beyond `from` live here */
  guard?: (actor: Actor, record: R) => string | null;
}

export interface Workflow<S extends string, A extends string, R> {
  name: string;
  /** Chinese names of the states */
  stateLabels: Record<S, string>;
  transitions: readonly Transition<S, A, R>[];
}

export function defineWorkflow<S extends string, A extends string, R>(w: Workflow<S, A, R>): Workflow<S, A, R> {
  return w;
}

/** Rows keep their status as text; the workflow table decides which values are states. */
type Stateful = { status: string; committeeId: string };

export type Verdict<S extends string, A extends string, R> =
  | { ok: true; transition: Transition<S, A, R>; to: S }
  | { ok: false; reason: 'unknown_action' | 'wrong_state' | 'forbidden' | 'guard'; message: string };

/** Decides whether `actor` may apply `action` to `record`, without touching the database. */
export function decide<S extends string, A extends string, R extends Stateful>(
  workflow: Workflow<S, A, R>,
  action: A,
  actor: Actor,
  record: R,
): Verdict<S, A, R> {
  const candidates = workflow.transitions.filter((t) => t.action === action);
  if (candidates.length === 0) return { ok: false, reason: 'unknown_action', message: `未知操作：${action}` };
  const fromHere = candidates.filter((t) => t.from.includes(record.status as S));
  if (fromHere.length === 0) {
    const state = workflow.stateLabels[record.status as S] ?? record.status;
    return { ok: false, reason: 'wrong_state', message: `当前状态为“${state}”，不能执行“${candidates[0].label}”` };
  }
  const permitted = fromHere.filter((t) => record.committeeId === actor.committeeId && t.roles.some((r) => actor.roles.includes(r)));
  if (permitted.length === 0) return { ok: false, reason: 'forbidden', message: `没有执行“${fromHere[0].label}”的权限` };
  let refusal = '';
  for (const t of permitted) {
    const why = t.guard?.(actor, record) ?? null;
    if (why === null) return { ok: true, transition: t, to: typeof t.to === 'function' ? t.to(record) : t.to };
    refusal = why;
  }
  return { ok: false, reason: 'guard', message: refusal };
}

/** The actions the actor may take now; the client shows exactly these buttons. */
export function availableActions<S extends string, A extends string, R extends Stateful>(workflow: Workflow<S, A, R>, actor: Actor, record: R): A[] {
  const actions = [...new Set(workflow.transitions.map((t) => t.action))];
  return actions.filter((a) => decide(workflow, a, actor, record).ok);
}
