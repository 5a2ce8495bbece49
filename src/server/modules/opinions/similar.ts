import { inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { hasRole, type Actor } from '../../platform/auth/actor.js';
import { can } from '../../platform/policy/policy.js';
import { sameIssueProbability } from '../../platform/text/calibration.js';
import { SyncedIndex, type IndexSource } from '../../platform/text/synced-index.js';
import { withParties } from './load.js';
import { opinionPolicy } from './policy.js';
import { opinionIssues, opinions } from './schema.js';
import { isInfoStaff, opinionStates, type OpinionState } from './workflow.js';

/** ADOPTED reports every writer of the committee may be shown; OTHER ones only the office and leaders (and the author). */
const ADOPTED = 1;
const OTHER = 2;
/** Not earlier reports: unsent drafts, withdrawn ones, and those combined into another (the combined one stands for them). */
const notIndexed: OpinionState[] = ['draft', 'withdrawn', 'combined'];

type Row = { id: string; title: string; body: string; status: string; authorType: string; authorMemberId: string | null; createdByUserId: string };

/**
 * Reports as a similarity source. Who sees what follows the read policy where it matters: the
 * information office and leaders every report of the committee; everyone else the adopted ones
 * (printed in 《社情民意》 anyway) and their own — a member writing learns that the problem was
 * reported and adopted before, without reading other members' unpublished reports.
 */
const opinionSource: IndexSource<Row> = {
  table: opinions,
  committeeId: opinions.committeeId,
  updatedAt: opinions.updatedAt,
  fields: {
    id: opinions.id, title: opinions.title, body: opinions.body, status: opinions.status,
    authorType: opinions.authorType, authorMemberId: opinions.authorMemberId, createdByUserId: opinions.createdByUserId,
  },
  document: (r) =>
    notIndexed.includes(r.status as OpinionState)
      ? null
      : {
          title: r.title,
          body: r.body,
          tag: r.status === 'adopted' ? ADOPTED : OTHER,
          // a body's report (党派、专委会…) belongs to the staff user who entered it
          owner: r.authorMemberId ?? (r.authorType !== 'combined' ? r.createdByUserId : null),
        },
  visibility: (actor) => ({
    tags: isInfoStaff(actor) || hasRole(actor, 'leader') ? [ADOPTED, OTHER] : [ADOPTED],
    owners: [actor.memberId, actor.userId],
  }),
};

/** The similar-reports finder of one process (one index per committee, following the table). */
export class OpinionFinder extends SyncedIndex<Row> {
  constructor() {
    super(opinionSource);
  }
}

export interface SimilarOpinion {
  id: string;
  title: string;
  /** the estimated probability (0..1) of the same issue, on the same calibrated scale as similar proposals' */
  score: number;
  /** 1 = the most similar */
  rank: number;
  year: number;
  serial: number | null;
  status: string;
  statusLabel: string;
  authorText: string;
  category: string;
  /** the issue it was adopted into, e.g. 2026年第3期 */
  issueTitle: string | null;
  /** may the actor open the report (the panel links only to these) */
  readable: boolean;
}

/** Below this probability of the same issue a report only shares a common word or two: noise to a writer. */
export const MIN_SCORE = 0.05;

/** Earlier reports most like `text` that the actor may be shown, best first, with what a writer needs. */
export async function similarOpinions(db: Executor, finder: OpinionFinder, actor: Actor, text: string, limit: number, excludeId?: string): Promise<SimilarOpinion[]> {
  const hits = (await finder.search(db, actor, text, limit, excludeId)).map((h) => ({ ...h, score: sameIssueProbability(h) })).filter((h) => h.score >= MIN_SCORE);
  if (hits.length === 0) return [];
  const rows = await withParties(db, await db.select().from(opinions).where(inArray(opinions.id, hits.map((h) => h.key))));
  const issueIds = [...new Set(rows.map((o) => o.issueId).filter((x): x is string => !!x))];
  const issues = issueIds.length ? await db.select({ id: opinionIssues.id, title: opinionIssues.title }).from(opinionIssues).where(inArray(opinionIssues.id, issueIds)) : [];
  const byId = new Map(rows.map((o) => [o.id, o]));
  return hits.flatMap((h) => {
    const o = byId.get(h.key);
    if (!o) return [];
    return [{
      id: o.id, title: o.title, score: h.score, rank: 0, year: o.year, serial: o.serial, status: o.status, statusLabel: opinionStates[o.status as OpinionState] ?? o.status,
      authorText: o.authorText, category: o.category, issueTitle: issues.find((i) => i.id === o.issueId)?.title ?? null, readable: can(opinionPolicy, 'read', actor, o),
    }];
  }).map((row, i) => ({ ...row, rank: i + 1 }));
}
