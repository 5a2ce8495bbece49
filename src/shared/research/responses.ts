import { z } from 'zod';
import { attachment, historyEntry, instant, type Wire } from '../http/responses.js';
import { assignment, reply } from '../handling/responses.js';

/** What the server answers about 调研视察; the presenter is typed against these schemas. */

export const topicRow = z.object({
  id: z.string(),
  version: z.number(),
  year: z.number(),
  source: z.string(),
  sourceLabel: z.string(),
  form: z.string(),
  formLabel: z.string(),
  title: z.string(),
  specialCommitteeName: z.string(),
  leadName: z.string().nullable(),
  /** confirmed members and the group's limit (a setting) */
  groupSize: z.number(),
  groupLimit: z.number(),
  /** the viewer's place in the group: volunteered / confirmed / declined, or null */
  myState: z.string().nullable(),
  status: z.string(),
  statusLabel: z.string(),
  /** items sent to departments and past their reply deadline ("谁调研、谁跟踪") */
  overdueItems: z.number(),
  actions: z.array(z.string()),
});
export type TopicRow = Wire<typeof topicRow>;

const groupMember = z.object({
  memberId: z.string(),
  name: z.string(),
  sector: z.string(),
  role: z.string(),
  roleLabel: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  note: z.string(),
});

/** a visit: its event's id only for those who may open it (staff, leaders, the invited members) */
const visit = z.object({ id: z.string(), activityId: z.string().nullable(), place: z.string(), startsAt: instant, endsAt: instant, activityStatus: z.string(), checkedIn: z.number(), invited: z.number() });

const conversion = z.object({
  id: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  /** proposal | opinion | speech: which module's page opens it */
  targetType: z.string(),
  title: z.string(),
  authorText: z.string(),
  createdOn: z.string(),
  /** the proposal, report or speech; null for one the viewer may not open */
  targetId: z.string().nullable(),
  /** what became of it: the proposal's, report's or speech's state */
  targetStatusLabel: z.string(),
});

const item = z.object({
  id: z.string(),
  position: z.number(),
  text: z.string(),
  handlingLabel: z.string(),
  overdue: z.boolean(),
  assignments: z.array(assignment),
  replies: z.array(reply),
});

export const topicDetail = topicRow.extend({
  reason: z.string(),
  questions: z.string(),
  places: z.array(z.string()),
  unitIds: z.array(z.string()),
  unitNames: z.array(z.string()),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  group: z.array(groupMember),
  visits: z.array(visit),
  report: z.object({
    title: z.string(),
    background: z.string(),
    problems: z.string(),
    suggestions: z.string(),
    returnNote: z.string().nullable(),
    finalizedOn: z.string().nullable(),
    attachments: z.array(attachment),
  }),
  conversions: z.array(conversion),
  instructions: z.array(z.object({ id: z.string(), leaderName: z.string(), levelLabel: z.string(), text: z.string(), instructedOn: z.string() })),
  items: z.array(item),
  history: z.array(historyEntry),
});
export type TopicDetail = Wire<typeof topicDetail>;

export const topicList = z.object({ items: z.array(topicRow), actions: z.array(z.string()) });
export type TopicList = Wire<typeof topicList>;

/** 我的调研: open topics to volunteer for, the viewer's groups, and overdue items of those groups. */
export const mine = z.object({
  open: z.array(topicRow),
  groups: z.array(topicRow),
});
export type Mine = Wire<typeof mine>;

export const origin = z.object({ topicId: z.string().nullable(), reportTitle: z.string().nullable() });
export type Origin = Wire<typeof origin>;

const idName = z.object({ id: z.string(), name: z.string() });
const keyLabel = z.object({ key: z.string(), label: z.string() });
/** The form's choices: sources, forms, what a recommendation may become, bodies, departments, categories, the group limit. */
export const researchOptions = z.object({
  sources: z.array(keyLabel),
  forms: z.array(keyLabel),
  conversionKinds: z.array(keyLabel),
  specialCommittees: z.array(idName),
  units: z.array(idName),
  year: z.number(),
  proposalCategories: z.array(z.string()),
  opinionCategories: z.array(z.string()),
  /** the collective bodies this person may file a proposal for */
  collectiveBodies: z.array(z.string()),
  maxGroupMembers: z.number(),
});

/** One research recommendation as the shared handling panel reads it, with its topic. */
export const researchItem = z.object({
  id: z.string(),
  version: z.number(),
  status: z.string(),
  actions: z.array(z.string()),
  handlingRound: z.number(),
  topicId: z.string(),
  text: z.string(),
  assignments: z.array(assignment),
  replies: z.array(reply),
});
