import { hasRole } from '../../platform/auth/actor.js';
import { chinaToday } from '../../platform/calendar/workdays.js';
import type { CardSource } from '../../platform/modules/manifest.js';
import { summed, type HomeCard, type HomeCardPart } from '../../../shared/home/cards.js';
import { proposalStates, type ProposalState } from '../../../shared/proposals/labels.js';
import { countProposalsByStatus } from './queries.js';

/** One part per state that has any, in the order of the workflow, each linking to its filtered list. */
const byState = (counts: Map<string, number>, states: ProposalState[], link: (s: ProposalState) => string): HomeCardPart[] =>
  states.filter((s) => (counts.get(s) ?? 0) > 0).map((s) => ({ key: s, label: proposalStates[s], value: counts.get(s)!, link: link(s) }));

const allStates = Object.keys(proposalStates) as ProposalState[];
const total = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);

/** What a member does next with their proposals, and how the ones already in are going. */
async function memberCards(...[db, actor, today]: [Parameters<CardSource>[0], Parameters<CardSource>[1], string]): Promise<HomeCard[]> {
  const [mine, invited] = await Promise.all([countProposalsByStatus(db, actor, { scope: 'mine' }, today), countProposalsByStatus(db, actor, { scope: 'cosign' }, today)]);
  const mineLink = (s: ProposalState) => `/proposals/mine?status=${s}`;
  const progress = allStates.filter((s) => !['draft', 'returned', 'replied'].includes(s));
  return [
    summed({ key: 'proposalDrafts', label: '提案草稿与退回修改', section: 'todo', link: '/proposals/mine', parts: byState(mine, ['draft', 'returned'], mineLink) }),
    { key: 'proposalCosign', label: '待我确认的联名邀请', section: 'todo', value: total(invited), link: '/proposals/cosign' },
    summed({ key: 'proposalRatings', label: '已答复待评价的提案', section: 'todo', link: mineLink('replied'), parts: byState(mine, ['replied'], mineLink) }),
    summed({ key: 'proposalProgress', label: '我的提案（已提交）', section: 'progress', link: '/proposals/mine', parts: byState(mine, progress, mineLink) }),
  ];
}

/** The proposal office's queues: to review, to assign, overdue at units. */
async function officeCards(...[db, actor, today]: [Parameters<CardSource>[0], Parameters<CardSource>[1], string]): Promise<HomeCard[]> {
  const [review, filed, overdue] = await Promise.all([
    countProposalsByStatus(db, actor, { scope: 'review' }, today),
    countProposalsByStatus(db, actor, { scope: 'all', status: 'filed' }, today),
    countProposalsByStatus(db, actor, { scope: 'all', overdue: '1' }, today),
  ]);
  const all = (s: ProposalState) => `/proposals/all?session=all&status=${s}`;
  return [
    summed({ key: 'proposalReview', label: '待审查提案', section: 'queue', link: '/proposals/review?tab=queue', parts: byState(review, ['submitted', 'reviewing', 'deciding'], all) }),
    { key: 'proposalFiled', label: '已立案待交办', section: 'queue', value: total(filed), link: all('filed') },
    summed({ key: 'proposalOverdue', label: '承办逾期未答复', section: 'queue', link: '/proposals/review?tab=overdue', alert: total(overdue) > 0, parts: byState(overdue, allStates, (s) => `/proposals/all?session=all&overdue=1&status=${s}`) }),
  ];
}

/** 提案 on the home page: members' own work, the proposal office's queues. */
export const proposalCards: CardSource = async (db, actor, now) => {
  const today = chinaToday(now);
  const cards: HomeCard[] = [];
  if (hasRole(actor, 'member') && actor.memberId) cards.push(...(await memberCards(db, actor, today)));
  if (hasRole(actor, 'admin') || (hasRole(actor, 'staff') && actor.office === 'proposal')) cards.push(...(await officeCards(db, actor, today)));
  return cards;
};
