import { asc, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { allowedActions } from '../../platform/policy/policy.js';
import { offeredActions } from '../../platform/workflow/workflow.js';
import type { Presented } from '../../../shared/http/responses.js';
import { councilItemStates, councilParties, councilStates, type CouncilItemState, type CouncilParty, type CouncilState } from '../../../shared/consultation/council-labels.js';
import type { councilDetail, councilItem, councilRow, portalCouncil } from '../../../shared/consultation/council-responses.js';
import { councilPolicy, type CouncilSubject } from './council-policy.js';
import { councilWorkflow, stepOf, type Council, type CouncilItem } from './council-workflow.js';
import { consultationCouncilItems, consultationCouncilParticipants } from './schema.js';
import { isConsultationStaff } from './workflow.js';

async function countsOf(db: Executor, ids: string[]) {
  if (!ids.length) return { people: [], items: [] };
  const [people, items] = await Promise.all([
    db.select({ councilId: consultationCouncilParticipants.councilId, n: sql<number>`count(*)::int` }).from(consultationCouncilParticipants).where(inArray(consultationCouncilParticipants.councilId, ids)).groupBy(consultationCouncilParticipants.councilId),
    db.select({ councilId: consultationCouncilItems.councilId, n: sql<number>`count(*)::int`, done: sql<number>`count(*) filter (where ${consultationCouncilItems.status} = 'done')::int` })
      .from(consultationCouncilItems).where(inArray(consultationCouncilItems.councilId, ids)).groupBy(consultationCouncilItems.councilId),
  ]);
  return { people, items };
}

/** Councils as cards: the step reached, who and what is at the table, the buttons this person has. */
export async function presentCouncils(db: Executor, actor: Actor, councils: CouncilSubject[]): Promise<Presented<typeof councilRow>[]> {
  const { people, items } = await countsOf(db, councils.map((c) => c.id));
  return councils.map((c) => {
    const it = items.find((x) => x.councilId === c.id);
    const facts = { items: it?.n ?? 0, itemsOpen: (it?.n ?? 0) - (it?.done ?? 0) };
    const offered = allowedActions(councilPolicy, actor, c).includes('update') ? offeredActions(councilWorkflow, actor, c, facts) : { actions: [], blocked: {} };
    return {
      id: c.id, version: c.version, year: c.year, topic: c.topic, organizer: c.organizer, place: c.place, day: c.day,
      status: c.status, statusLabel: councilStates[c.status as CouncilState] ?? c.status, step: stepOf(c.status),
      participantCount: people.find((x) => x.councilId === c.id)?.n ?? 0, itemCount: facts.items, itemsDone: it?.done ?? 0,
      actions: [...offered.actions, ...allowedActions(councilPolicy, actor, c).filter((a) => a !== 'read')], blocked: offered.blocked,
    };
  });
}

const presentItem = (i: CouncilItem): Presented<typeof councilItem> => ({
  id: i.id, title: i.title, responsible: i.responsible, dueOn: i.dueOn, status: i.status, statusLabel: councilItemStates[i.status as CouncilItemState] ?? i.status, progress: i.progress, doneOn: i.doneOn,
});

const itemsOf = (db: Executor, id: string) => db.select().from(consultationCouncilItems).where(inArray(consultationCouncilItems.councilId, [id])).orderBy(asc(consultationCouncilItems.position));

/** A council's page: its six steps' records, the five parties (phones to the office only) and the agreed items. */
export async function presentCouncil(db: Executor, actor: Actor, c: CouncilSubject): Promise<Presented<typeof councilDetail>> {
  const [[row], people, items] = await Promise.all([
    presentCouncils(db, actor, [c]),
    db.select().from(consultationCouncilParticipants).where(inArray(consultationCouncilParticipants.councilId, [c.id])).orderBy(asc(consultationCouncilParticipants.createdAt), asc(consultationCouncilParticipants.name)),
    itemsOf(db, c.id),
  ]);
  const office = isConsultationStaff(actor);
  const order = Object.keys(councilParties);
  return {
    ...row!,
    opinions: c.opinions, research: c.research, minutes: c.minutes, result: c.result, publishedOn: c.publishedOn, voidReason: c.voidReason, updatedAt: c.updatedAt,
    participants: people
      .sort((a, b) => order.indexOf(a.party) - order.indexOf(b.party))
      .map((p) => ({ id: p.id, party: p.party, partyLabel: councilParties[p.party as CouncilParty] ?? p.party, name: p.name, unit: p.unit, memberId: p.memberId, phone: office ? p.phone : null })),
    items: items.map(presentItem),
  };
}

/**
 * What the portal shows of a published council: the topic, where and when, the result and the agreed
 * items with their state; the five parties only counted — no person's name, phone or id.
 */
export async function presentPortalCouncil(db: Executor, c: Council): Promise<Presented<typeof portalCouncil>> {
  const [people, items] = await Promise.all([
    db.select({ party: consultationCouncilParticipants.party, n: sql<number>`count(*)::int` }).from(consultationCouncilParticipants).where(inArray(consultationCouncilParticipants.councilId, [c.id])).groupBy(consultationCouncilParticipants.party),
    itemsOf(db, c.id),
  ]);
  return {
    id: c.id, topic: c.topic, organizer: c.organizer, place: c.place, day: c.day, statusLabel: councilStates[c.status as CouncilState] ?? c.status, result: c.result, publishedOn: c.publishedOn,
    parties: (Object.keys(councilParties) as CouncilParty[]).map((party) => ({ party, label: councilParties[party], count: people.find((p) => p.party === party)?.n ?? 0 })).filter((p) => p.count > 0),
    items: items.map(presentItem).map(({ id: _id, ...rest }) => rest),
  };
}
