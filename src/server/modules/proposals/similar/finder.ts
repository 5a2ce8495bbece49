import type { Executor } from '../../../db/client.js';
import { hasRole } from '../../../platform/auth/actor.js';
import { SyncedIndex, type IndexSource } from '../../../platform/text/synced-index.js';
import { proposals } from '../schema.js';
import { filedStates, type ProposalState } from '../workflow.js';

/** Who may be shown a document: PUBLICLY_FILED to every member, IN_REVIEW only to staff, admins and leaders. */
const PUBLICLY_FILED = 1;
export const IN_REVIEW = 2;
const notIndexed: ProposalState[] = ['draft', 'withdrawn', 'merged', 'returned'];

type Row = { id: string; title: string; background: string; analysis: string; suggestions: string; category: string; status: string; historical: boolean };

/**
 * Proposals as a similarity source: everything submitted, this session's and past years' (historical
 * proposals, e.g. imported ones, count as filed). Members see filed ones; staff, admins and leaders
 * also those in review.
 */
const proposalSource: IndexSource<Row> = {
  table: proposals,
  committeeId: proposals.committeeId,
  updatedAt: proposals.updatedAt,
  fields: {
    id: proposals.id, title: proposals.title, background: proposals.background, analysis: proposals.analysis, suggestions: proposals.suggestions, category: proposals.category,
    status: proposals.status, historical: proposals.historical,
  },
  document: (r) =>
    notIndexed.includes(r.status as ProposalState)
      ? null
      : { title: r.title, body: [r.background, r.analysis, r.suggestions].join('\n'), category: r.category, tag: r.historical || filedStates.includes(r.status as ProposalState) ? PUBLICLY_FILED : IN_REVIEW },
  visibility: (actor) => ({ tags: hasRole(actor, 'staff', 'admin', 'leader') ? [PUBLICLY_FILED, IN_REVIEW] : [PUBLICLY_FILED], owners: [] }),
};

/**
 * The similar-proposals finder of one process: `sync(db, committeeId)`, `search(db, actor, text,
 * limit, excludeId)` and `reset()` over the shared synced index (platform/text/synced-index.ts).
 */
export class ProposalFinder extends SyncedIndex<Row> {
  constructor() {
    super(proposalSource);
  }
}

const finders = new WeakMap<Executor, ProposalFinder>();

/**
 * The one proposal finder of a process for this database, shared by every feature that searches
 * proposals (相似提案 while drafting and reviewing, the drafting help, 民主监督's frequent topics,
 * 协商's similar topics). Each used to hold a finder of its own: one index of every committee's
 * proposals per feature — three times the memory (about 2.7 GB per million proposals each), the
 * segmentation and the latent-space learning. Keyed by the database handle, not global: tests run
 * several apps, each on its own database, in one process.
 */
export function proposalFinderFor(db: Executor): ProposalFinder {
  let finder = finders.get(db);
  if (!finder) finders.set(db, (finder = new ProposalFinder()));
  return finder;
}

/** A proposal as a query: its title, its three parts as the body, its category. */
export const proposalQuery = (p: { title: string; background: string; analysis: string; suggestions: string; category?: string | null }) => ({
  title: p.title,
  body: [p.background, p.analysis, p.suggestions].join('\n'),
  category: p.category ?? null,
});
