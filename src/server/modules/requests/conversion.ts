import { and, eq, inArray } from 'drizzle-orm';
import type { CommandContext } from '../../platform/commands/context.js';
import type { UnitOfWork } from '../../platform/jobs/after-commit.js';
import { users } from '../../platform/auth/schema.js';
import { notify } from '../../platform/notifications/notify.js';
import { getSettings } from '../../platform/settings/settings.js';
import { createProposal, type DraftAuthor } from '../proposals/commands/draft-proposal.js';
import { proposalSettings } from '../proposals/settings.js';
import { createOpinion } from '../opinions/commands/draft-opinion.js';
import { opinionSettings } from '../opinions/settings.js';

export type ConversionTarget = 'proposal' | 'opinion';

/** What a record turned into a proposal draft or an opinion report brings with it. */
export interface Conversion {
  into: ConversionTarget;
  title: string;
  /** the category the source used; the committee's list decides (else `fallback`, else its first) */
  category: string;
  fallback: { proposal: string; opinion: string };
  /** the proposal's 情况 / 分析 / 建议 */
  proposal: { background: string; analysis: string; suggestions: string };
  /** the report's 正文 */
  opinion: { body: string };
  /** another member the record is written for (else the actor); they are told it waits for them */
  author?: DraftAuthor;
  /** writes the source's link to the new record (and its audit row), in the new record's transaction */
  link: (into: ConversionTarget, recordId: string, uow: UnitOfWork) => Promise<void>;
}

const pickCategory = (wanted: string, allowed: string[], fallback: string) => (allowed.includes(wanted) ? wanted : allowed.includes(fallback) ? fallback : allowed[0]!);

/**
 * 转化 — the one conversion mechanism of the platform: a livelihood request (民生诉求) or a suggestion
 * collected at the Members' Home (委员之家) becomes a proposal draft or an opinion report through
 * the proposal's and the report's own create commands (their checks, audit and policies). The
 * source's `link` runs in the same transaction, so the record and the link back exist together or
 * not at all; a version check inside `link` keeps two conversions from both happening.
 *
 * @example await convertInto(ctx, { into: 'opinion', title, category, fallback, proposal, opinion, link })
 */
export async function convertInto(ctx: CommandContext, c: Conversion): Promise<{ into: ConversionTarget; id: string }> {
  const { database, actor, today } = ctx;
  const year = Number(today.slice(0, 4));
  const tellAuthor = async (what: string, link: string, uow: UnitOfWork) => {
    if (!c.author || c.author.memberId === actor.memberId) return;
    const accounts = await uow.tx.select({ id: users.id }).from(users).where(and(eq(users.committeeId, actor.committeeId), inArray(users.memberId, [c.author.memberId])));
    await notify(uow.tx, { committeeId: actor.committeeId, userIds: accounts.map((a) => a.id), title: `${actor.name}已将您的建议转为${what}：${c.title}`, body: '请完善后提交', link });
  };
  if (c.into === 'proposal') {
    const { categories } = await getSettings(database.db, proposalSettings, actor.committeeId, year);
    const p = await createProposal(ctx, {
      draft: { title: c.title, authorType: 'individual', category: pickCategory(c.category, categories, c.fallback.proposal), ...c.proposal },
      alsoDo: async (p, uow) => {
        await c.link('proposal', p.id, uow);
        await tellAuthor('提案草稿', `/proposals/${p.id}`, uow);
      },
      author: c.author,
    });
    return { into: 'proposal', id: p.id };
  }
  const { categories } = await getSettings(database.db, opinionSettings, actor.committeeId, year);
  const o = await createOpinion(ctx, {
    draft: { title: c.title, authorType: 'member', authorBody: null, category: pickCategory(c.category, categories, c.fallback.opinion), body: c.opinion.body },
    alsoDo: async (o, uow) => {
      await c.link('opinion', o.id, uow);
      await tellAuthor('社情民意信息', `/opinions/${o.id}`, uow);
    },
    author: c.author,
  });
  return { into: 'opinion', id: o.id };
}
