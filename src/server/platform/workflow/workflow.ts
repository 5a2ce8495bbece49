import type { Actor, Role } from '../auth/actor.js';

/**
 * A workflow is a table of named transitions: from which states, by which roles, to which state,
 * under which guard and preconditions. It is pure data, so it can be tested exhaustively and sent
 * to the client.
 *
 * `C` is what guards read besides the actor and the record: the app's clock (`today`, never the
 * wall clock, so tests and the scheduler move it) and facts the module loads for the record (e.g.
 * how many co-signers confirmed). A workflow whose guards read nothing has `C = {}`.
 */
export interface Transition<S extends string, A extends string, R, C = {}> {
  action: A;
  /** Chinese name of the action for buttons and audit, e.g. 立案 */
  label: string;
  from: readonly S[];
  to: S | ((record: R) => S);
  roles: readonly Role[];
  /**
   * Who among the roles may (the author, the office in charge): returns a Chinese refusal, or null
   * when allowed. Someone the guard refuses is not shown the action at all (the server says 409).
   */
  guard?: (actor: Actor, record: R, context: C) => string | null;
  /**
   * Preconditions on the record and its facts (co-signers confirmed, a deadline passed): returns
   * what is missing in Chinese, or null. Someone who may take the action but for this is shown it
   * as blocked with the reason, and the server refuses it with the same words (409).
   */
  requires?: (record: R, context: C) => string | null;
}

export interface Workflow<S extends string, A extends string, R, C = {}> {
  name: string;
  /** Chinese names of the states */
  stateLabels: Record<S, string>;
  transitions: readonly Transition<S, A, R, C>[];
}

export function defineWorkflow<S extends string, A extends string, R, C = {}>(w: Workflow<S, A, R, C>): Workflow<S, A, R, C> {
  return w;
}

/** Rows keep their status as text; the workflow table decides which values are states. */
type Stateful = { status: string; committeeId: string };

/** The context argument: optional when the workflow's guards read nothing. */
export type ContextArg<C> = {} extends C ? [context?: C] : [context: C];

export type Verdict<S extends string, A extends string, R, C = {}> =
  | { ok: true; transition: Transition<S, A, R, C>; to: S }
  | { ok: false; reason: 'unknown_action' | 'wrong_state' | 'forbidden' | 'guard'; message: string }
  /** the actor may take the action, but a precondition is not met yet: `message` says what is missing */
  | { ok: false; reason: 'precondition'; message: string; transition: Transition<S, A, R, C> };

/** Decides whether `actor` may apply `action` to `record`, without touching the database. */
export function decide<S extends string, A extends string, R extends Stateful, C>(
  workflow: Workflow<S, A, R, C>,
  action: A,
  actor: Actor,
  record: R,
  ...[context]: ContextArg<C>
): Verdict<S, A, R, C> {
  const ctx = (context ?? {}) as C;
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
  let blocked: { message: string; transition: Transition<S, A, R, C> } | null = null;
  for (const t of permitted) {
    const why = t.guard?.(actor, record, ctx) ?? null;
    if (why !== null) {
      refusal = why;
      continue;
    }
    const missing = t.requires?.(record, ctx) ?? null;
    if (missing === null) return { ok: true, transition: t, to: typeof t.to === 'function' ? t.to(record) : t.to };
    blocked ??= { message: missing, transition: t };
  }
  if (blocked) return { ok: false, reason: 'precondition', ...blocked };
  return { ok: false, reason: 'guard', message: refusal };
}

/** The actions the actor may take now. */
export function availableActions<S extends string, A extends string, R extends Stateful, C>(workflow: Workflow<S, A, R, C>, actor: Actor, record: R, ...context: ContextArg<C>): A[] {
  return offeredActions(workflow, actor, record, ...context).actions;
}

/**
 * What the client shows: `actions` the actor may take now, and `blocked` — actions the actor may
 * take once a precondition is met, each with what is missing — so a button can stay visible and
 * say why it cannot be pressed yet, in the words the server would refuse it with.
 */
export function offeredActions<S extends string, A extends string, R extends Stateful, C>(
  workflow: Workflow<S, A, R, C>,
  actor: Actor,
  record: R,
  ...context: ContextArg<C>
): { actions: A[]; blocked: Partial<Record<A, string>> } {
  const actions: A[] = [];
  const blocked: Partial<Record<A, string>> = {};
  for (const a of new Set(workflow.transitions.map((t) => t.action))) {
    const v = decide(workflow, a, actor, record, ...context);
    if (v.ok) actions.push(a);
    else if (v.reason === 'precondition') blocked[a] = v.message;
  }
  return { actions, blocked };
}
