import { z } from 'zod';
import { instant, type Wire } from '../http/responses.js';

/** What the server answers about 学习. */

/** A 每日一学 item; `learned` whether this member marked it; the figures only for staff. */
export const itemRow = z.object({
  id: z.string(), version: z.number(), title: z.string(), body: z.string(), source: z.string(), link: z.string().nullable(), forDate: z.string(),
  status: z.string(), statusLabel: z.string(), publishedAt: instant.nullable(),
  learned: z.boolean(), learnedAt: instant.nullable(),
  /** staff: members of the committee who learned it, and how many have not (learned + notLearned = members) */
  figures: z.object({ members: z.number(), learned: z.number(), notLearned: z.number() }).nullable(),
  actions: z.array(z.string()),
});
export const itemList = z.object({ items: z.array(itemRow), actions: z.array(z.string()) });
const person = z.object({ memberId: z.string(), name: z.string(), at: instant.nullable() });
/** One item; for staff, who learned it and who has not. */
export const itemDetail = itemRow.extend({ learnedBy: z.array(person).nullable(), notLearnedBy: z.array(person).nullable() });
export type ItemRow = Wire<typeof itemRow>;
export type ItemList = Wire<typeof itemList>;
export type ItemDetail = Wire<typeof itemDetail>;

/** One check-in: who, which day, what was read, the note, and whether staff featured it. */
export const checkinRow = z.object({
  id: z.string(), version: z.number(), memberId: z.string(), memberName: z.string(), day: z.string(), reading: z.string(), note: z.string().nullable(),
  featured: z.boolean(), actions: z.array(z.string()),
});
export type CheckinRow = Wire<typeof checkinRow>;

/** A reading group as its list shows it. */
export const groupRow = z.object({
  id: z.string(), version: z.number(), name: z.string(), bookTitle: z.string(), description: z.string().nullable(), startsOn: z.string(), endsOn: z.string(),
  status: z.string(), statusLabel: z.string(), memberCount: z.number(), checkinCount: z.number(),
  /** whether this member checked in today (null for who is not in the group) */
  checkedInToday: z.boolean().nullable(),
  actions: z.array(z.string()),
});
export const groupList = z.object({ items: z.array(groupRow), actions: z.array(z.string()) });
export const groupDetail = groupRow.extend({
  members: z.array(z.object({ memberId: z.string(), name: z.string(), checkins: z.number() })),
  checkins: z.array(checkinRow),
});
export type GroupRow = Wire<typeof groupRow>;
export type GroupList = Wire<typeof groupList>;
export type GroupDetail = Wire<typeof groupDetail>;

/** 我的学习: today's item, the items not yet learned, my groups, and what I did this year. */
export const myLearning = z.object({
  today: z.string(),
  year: z.number(),
  todayItem: itemRow.nullable(),
  unlearned: z.array(itemRow),
  groups: z.array(groupRow),
  record: z.object({
    learned: z.array(z.object({ id: z.string(), title: z.string(), forDate: z.string(), learnedAt: instant })),
    checkins: z.array(z.object({ id: z.string(), groupId: z.string(), groupName: z.string(), bookTitle: z.string(), day: z.string(), reading: z.string(), featured: z.boolean() })),
    activities: z.array(z.object({ id: z.string(), title: z.string(), kind: z.string(), kindLabel: z.string(), date: z.string() })),
  }),
});
export type MyLearning = Wire<typeof myLearning>;
