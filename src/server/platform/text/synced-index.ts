import { and, eq, gt, max } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../auth/actor.js';
import { SimilarityIndex, type Hit, type IndexedText } from './similarity-index.js';

/** What a row contributes to the index; null takes it out (a draft, a withdrawn or merged record). */
export interface IndexedDocument {
  title: string;
  body: string;
  /** 类别 or 分类, a term of its own when the index weighs categories */
  category?: string | null;
  /** a small class the readers' visibility is decided on (0..3), e.g. public vs in review */
  tag: number;
  /** who always sees this document whatever its class: the author's member or user id */
  owner?: string | null;
}

/** What one reader may be shown: every document of some classes, and their own. */
export interface Visibility {
  tags: readonly number[];
  /** the reader's identities (member id, user id): their own documents are always shown */
  owners: readonly (string | null)[];
}

/**
 * Where an index reads its documents from: one table with committee_id and updated_at (every
 * change to a record bumps updated_at), the columns `document` needs, and who may see what.
 *
 * @example
 * const source: IndexSource<{ id: string; title: string; body: string; status: string }> = {
 *   table: opinions, committeeId: opinions.committeeId, updatedAt: opinions.updatedAt,
 *   fields: { id: opinions.id, title: opinions.title, body: opinions.body, status: opinions.status },
 *   document: (r) => (r.status === 'draft' ? null : { title: r.title, body: r.body, tag: 1 }),
 *   visibility: () => ({ tags: [1], owners: [] }),
 * };
 */
export interface IndexSource<R extends { id: string }> {
  table: PgTable;
  committeeId: PgColumn;
  updatedAt: PgColumn;
  /** the selected columns; must include `id` (the key) */
  fields: Record<string, PgColumn>;
  document(row: R): IndexedDocument | null;
  visibility(actor: Actor): Visibility;
}

interface CommitteeIndex {
  index: SimilarityIndex;
  /** newest updated_at seen; changes after it are read on the next sync */
  watermark: Date;
  syncedAt: number;
  syncing?: Promise<void>;
  /** owner identity → small number, packed into each document's tag beside its class */
  owners: Map<string, number>;
}

/** Re-read this much before the watermark: a transaction that committed late may carry an older updated_at. */
const OVERLAP_MS = 10_000;
/** Even when nothing looks newer, re-read the overlap window this often, for such late commits. */
const RECHECK_MS = 5_000;
/** The low bits of a tag hold the document's class; the rest the owner's number (0 = nobody). */
const CLASS_BITS = 2;
const CLASS_MASK = (1 << CLASS_BITS) - 1;

/**
 * A similarity finder of one process over one source: an in-memory index per committee, built
 * from the table and kept current by reading the rows changed since the last sync. Several server
 * processes each keep their own; none needs to be told about writes, so it works the same on the
 * embedded and the server database. Proposals and opinion reports each have one.
 */
export class SyncedIndex<R extends { id: string }> {
  private readonly committees = new Map<string, CommitteeIndex>();

  constructor(private readonly source: IndexSource<R>) {}

  /** The committee's index, brought up to date with the table (`force` skips the cheap probe). */
  async sync(db: Executor, committeeId: string, force = false): Promise<SimilarityIndex> {
    let c = this.committees.get(committeeId);
    if (!c) this.committees.set(committeeId, (c = { index: new SimilarityIndex(), watermark: new Date(0), syncedAt: 0, owners: new Map() }));
    if (!force && Date.now() - c.syncedAt < RECHECK_MS) {
      // one index-only probe: has anything changed since the last sync?
      const [{ latest }] = await db.select({ latest: max(this.source.updatedAt) }).from(this.source.table).where(eq(this.source.committeeId, committeeId));
      if (!latest || (latest as Date) <= c.watermark) return c.index;
    }
    c.syncing ??= this.readChanges(db, committeeId, c).finally(() => (c!.syncing = undefined));
    await c.syncing;
    return c.index;
  }

  private async readChanges(db: Executor, committeeId: string, c: CommitteeIndex) {
    const since = new Date(c.watermark.getTime() - OVERLAP_MS);
    const started = Date.now();
    const { table, fields, updatedAt } = this.source;
    const rows = (await db
      .select({ ...fields, __updatedAt: updatedAt })
      .from(table)
      .where(and(eq(this.source.committeeId, committeeId), gt(updatedAt, since)))) as unknown as (R & { __updatedAt: Date })[];
    for (const r of rows) {
      const doc = this.source.document(r);
      if (!doc) c.index.remove(r.id);
      else c.index.addText(r.id, doc, this.packTag(c, doc));
      if (r.__updatedAt > c.watermark) c.watermark = r.__updatedAt;
    }
    c.syncedAt = started;
  }

  private packTag(c: CommitteeIndex, doc: IndexedDocument): number {
    if (doc.tag < 0 || doc.tag > CLASS_MASK) throw new Error(`document class ${doc.tag} out of range`);
    let owner = 0;
    if (doc.owner) {
      owner = c.owners.get(doc.owner) ?? c.owners.size + 1;
      c.owners.set(doc.owner, owner);
    }
    return (owner << CLASS_BITS) | doc.tag;
  }

  /**
   * The documents most like `text` that the actor may see in their own committee, best first;
   * `onlyClasses` narrows the search to some document classes (e.g. only those in review).
   */
  async search(db: Executor, actor: Actor, text: string | IndexedText, limit: number, excludeId?: string, onlyClasses?: readonly number[]): Promise<Hit[]> {
    const index = await this.sync(db, actor.committeeId);
    const c = this.committees.get(actor.committeeId)!;
    const v = this.source.visibility(actor);
    const tags = onlyClasses ? v.tags.filter((t) => onlyClasses.includes(t)) : v.tags;
    const own = onlyClasses ? new Set<number>() : new Set(v.owners.flatMap((o) => (o && c.owners.has(o) ? [c.owners.get(o)!] : [])));
    return index.search(text, limit, (tag) => tags.includes(tag & CLASS_MASK) || (tag >> CLASS_BITS !== 0 && own.has(tag >> CLASS_BITS)), excludeId);
  }

  /** Every document of the committee's index most like `text`, best first: for an index of published records only (the portal's search). */
  async searchAll(db: Executor, committeeId: string, text: string, limit: number): Promise<Hit[]> {
    return (await this.sync(db, committeeId)).search(text, limit);
  }

  /**
   * Takes an index built elsewhere as the committee's, current up to `watermark` (a benchmark that
   * has already segmented its corpus). Its tags must be document classes (no owners); later syncs
   * read the changes after the watermark as usual.
   */
  adopt(committeeId: string, index: SimilarityIndex, watermark: Date) {
    this.committees.set(committeeId, { index, watermark, syncedAt: 0, owners: new Map() });
  }

  /** Forgets every index (tests, restore). */
  reset() {
    this.committees.clear();
  }
}
