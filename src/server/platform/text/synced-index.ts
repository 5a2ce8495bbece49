import { and, eq, gt, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../auth/actor.js';
import { sliceClock } from './background.js';
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
  /** newest updated_at seen, never past the database's clock; changes after it are read on the next sync */
  watermark: Date;
  /** newest updated_at read, past the database's clock too */
  latest: Date;
  /** rows read whose updated_at is at or after the watermark's overlap: each is read again by every sync, and indexed again only if it changed */
  recent: Map<string, number>;
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
    if (!c) this.committees.set(committeeId, (c = { index: new SimilarityIndex(), watermark: new Date(0), latest: new Date(0), recent: new Map(), syncedAt: 0, owners: new Map() }));
    if (!force && Date.now() - c.syncedAt < RECHECK_MS) {
      // one index-only probe: has anything changed since the last sync? Up to the database's clock
      // against the watermark, and beyond it (a row stamped ahead, see readChanges) against the latest
      // read; each max one step down the (committee_id, updated_at) index
      const { table, committeeId: committee, updatedAt } = this.source;
      const newest = (upToNow: boolean) =>
        sql<Date | null>`(select max(${updatedAt}) from ${table} where ${committee} = ${committeeId}${upToNow ? sql` and ${updatedAt} <= now()` : sql``})`.mapWith((v) => (v === null ? null : new Date(v)));
      const [{ present, latest }] = await db.select({ present: newest(true), latest: newest(false) }).from(sql`(select 1) as probe`);
      if ((!present || present <= c.watermark) && (!latest || latest <= c.latest)) return c.index;
    }
    c.syncing ??= this.readChanges(db, committeeId, c).finally(() => (c!.syncing = undefined));
    await c.syncing;
    return c.index;
  }

  /**
   * Reads the rows changed since the watermark (less the overlap). The watermark never passes the
   * database's clock: updated_at is stamped by whichever app process wrote the row, and one whose
   * clock runs ahead (or an imported row dated later) would otherwise lift the watermark past the
   * writes every other process makes meanwhile, which no later sync would read. Rows at or after
   * the overlap are read by each sync again; `recent` keeps them from being indexed again unchanged.
   *
   * The rows are segmented and indexed in slices (background.ts `sliceClock`), the requests served in
   * between: a committee's first search reads all its records — 17,560 proposals for the
   * busiest committee of the province dataset, 8.6 s of jieba — and in one piece that stopped every
   * other request of the process as long. The search that asked waits for the whole index (a
   * concurrent one of the committee waits on `syncing`); the watermark moves only once every row is
   * in, so a probe meanwhile never takes the half-built index for a current one.
   */
  private async readChanges(db: Executor, committeeId: string, c: CommitteeIndex) {
    const since = new Date(c.watermark.getTime() - OVERLAP_MS);
    const started = Date.now();
    const { table, fields, updatedAt } = this.source;
    // each row carries the database's clock (no row, no change to the watermark)
    const rows = (await db
      .select({ ...fields, __updatedAt: updatedAt, __now: sql<Date>`now()`.mapWith((v) => new Date(v)) })
      .from(table)
      .where(and(eq(this.source.committeeId, committeeId), gt(updatedAt, since)))) as unknown as (R & { __updatedAt: Date; __now: Date })[];
    let watermark = c.watermark;
    for (const r of rows) if (r.__updatedAt > watermark) watermark = r.__updatedAt;
    const latest = watermark > c.latest ? watermark : c.latest;
    if (rows.length && watermark > rows[0].__now) watermark = rows[0].__now;
    const keepFrom = watermark.getTime() - OVERLAP_MS;
    for (const [id, at] of c.recent) if (at <= keepFrom) c.recent.delete(id);
    const clock = sliceClock();
    for (const r of rows) {
      const at = r.__updatedAt.getTime();
      if (c.recent.get(r.id) === at) continue;
      if (at > keepFrom) c.recent.set(r.id, at);
      const doc = this.source.document(r);
      if (!doc) c.index.remove(r.id);
      else c.index.addText(r.id, doc, this.packTag(c, doc));
      if (clock.due()) await clock.turn();
    }
    c.watermark = watermark;
    c.latest = latest;
    c.syncedAt = started;
    // a latent space due after these changes is learned in the background, before a search asks
    c.index.learnWhenDue();
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
    this.committees.set(committeeId, { index, watermark, latest: watermark, recent: new Map(), syncedAt: 0, owners: new Map() });
  }

  /** The committee's index as this finder holds it now, undefined before its first sync. */
  indexOf(committeeId: string): SimilarityIndex | undefined {
    return this.committees.get(committeeId)?.index;
  }

  /**
   * Resolves once the committee's index serves the latent space due now (searches never wait for
   * it; tests await this for results that do not depend on timing).
   */
  async settled(committeeId: string): Promise<void> {
    await this.committees.get(committeeId)?.index.settled();
  }

  /** Forgets every index (tests, restore). */
  reset() {
    for (const c of this.committees.values()) c.index.stopLearning();
    this.committees.clear();
  }
}
