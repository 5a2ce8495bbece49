import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { authorize, readableIds } from '../../platform/policy/policy.js';
import { members } from '../members/schema.js';
import { questionPolicy, type QuestionSubject } from './policy.js';
import { studioQuestions } from './schema.js';
import type { QuestionFacts, StudioQuestion } from './workflow.js';

/** The members of a question's studio (who may answer it). */
export async function questionFacts(db: Executor, q: Pick<StudioQuestion, 'studioId'>): Promise<QuestionFacts> {
  const rows = await db.select({ id: members.id }).from(members).where(eq(members.studioId, q.studioId));
  return { studioMemberIds: rows.map((m) => m.id) };
}

/** Questions with what the policies need, in one query for any number. */
export async function questionSubjectsOf(db: Executor, rows: StudioQuestion[]): Promise<QuestionSubject[]> {
  const ids = [...new Set(rows.map((q) => q.studioId))];
  const staffed = ids.length ? await db.select({ id: members.id, studioId: members.studioId }).from(members).where(inArray(members.studioId, ids)) : [];
  return rows.map((q) => ({ ...q, studioMemberIds: staffed.filter((m) => m.studioId === q.studioId).map((m) => m.id) }));
}

/** A question the actor may read, or not found (the same answer as a made-up id). */
export async function loadQuestion(db: Executor, actor: Actor, id: string): Promise<QuestionSubject> {
  const [row] = await db.select().from(studioQuestions).where(eq(studioQuestions.id, id));
  if (!row || row.committeeId !== actor.committeeId) throw AppError.notFound(questionPolicy.label);
  const [subject] = await questionSubjectsOf(db, [row]);
  authorize(questionPolicy, 'read', actor, subject!);
  return subject!;
}

/** Which questions a viewer of a member's performance record may open (the ledger's 线上咨询 entries). */
export async function readableQuestionIds(db: Executor, viewer: Actor, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.select().from(studioQuestions).where(inArray(studioQuestions.id, ids));
  return readableIds(questionPolicy, viewer, await questionSubjectsOf(db, rows));
}
