import type { Actor } from '../../platform/auth/actor.js';
import { allowedActions, can } from '../../platform/policy/policy.js';
import { availableActions } from '../../platform/workflow/workflow.js';
import type { Presented } from '../../../shared/http/responses.js';
import { labelOf } from '../../../shared/labels.js';
import { groupStates, itemStates } from '../../../shared/learning/labels.js';
import type { checkinRow, groupRow, itemRow } from '../../../shared/learning/responses.js';
import { checkinPolicy, groupPolicy, itemPolicy, type GroupSubject } from './policy.js';
import type { ItemFigures } from './queries.js';
import type { LearningItemRow, ReadingCheckinRow } from './schema.js';
import { itemWorkflow } from './workflow.js';

/** An item as this person reads it: whether they learned it; the figures for the keeping offices. */
export function presentItem(actor: Actor, i: LearningItemRow, learnedAt: Date | null, figures: ItemFigures | null): Presented<typeof itemRow> {
  const policy = allowedActions(itemPolicy, actor, i).filter((a) => a === 'update' || (a === 'learn' && !learnedAt));
  return {
    id: i.id, version: i.version, title: i.title, body: i.body, source: i.source, link: i.link, forDate: i.forDate,
    status: i.status, statusLabel: labelOf(itemStates, i.status), publishedAt: i.publishedAt,
    learned: learnedAt !== null, learnedAt,
    figures: can(itemPolicy, 'figures', actor, i) ? figures : null,
    actions: [...availableActions(itemWorkflow, actor, i), ...policy],
  };
}

/** A group with its counts; `checkedInToday` for its members. */
export function presentGroup(actor: Actor, g: GroupSubject, checkinCount: number, checkedInToday: boolean): Presented<typeof groupRow> {
  const mine = actor.memberId !== null && g.memberIds.includes(actor.memberId);
  return {
    id: g.id, version: g.version, name: g.name, bookTitle: g.bookTitle, description: g.description, startsOn: g.startsOn, endsOn: g.endsOn,
    status: g.status, statusLabel: labelOf(groupStates, g.status), memberCount: g.memberIds.length, checkinCount,
    checkedInToday: mine ? checkedInToday : null,
    actions: allowedActions(groupPolicy, actor, g).filter((a) => a !== 'read' && a !== 'feature'),
  };
}

/** A check-in as the group's readers see it; `feature` / `unfeature` for the keeping offices. */
export function presentCheckin(actor: Actor, c: ReadingCheckinRow, group: GroupSubject, memberName: string): Presented<typeof checkinRow> {
  const mayFeature = can(checkinPolicy, 'feature', actor, { ...c, group });
  return {
    id: c.id, version: c.version, memberId: c.memberId, memberName, day: c.day, reading: c.reading, note: c.note, featured: c.featuredAt !== null,
    actions: mayFeature ? [c.featuredAt ? 'unfeature' : c.note ? 'feature' : null].filter((a): a is string => a !== null) : [],
  };
}
