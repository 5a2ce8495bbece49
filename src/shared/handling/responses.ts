import { z } from 'zod';
import { instant, type Wire } from '../http/responses.js';

/**
 * Handling as a handled record's detail presents it: its assignments (with the actions this
 * person may take on each), replies, contact log and ratings.
 */

export const assignment = z.object({
  id: z.string(),
  version: z.number(),
  unitId: z.string(),
  unitName: z.string(),
  /** a key of handlingRoles */
  role: z.string(),
  roleLabel: z.string(),
  round: z.number(),
  /** a key of assignmentStatusLabels */
  status: z.string(),
  assignedOn: z.string(),
  objectionDeadline: z.string(),
  replyDeadline: z.string(),
  objectionReason: z.string().nullable(),
  objectionDecision: z.string().nullable(),
  opinion: z.string().nullable(),
  opinionAt: instant.nullable(),
  signedAt: instant.nullable(),
  extensionReason: z.string().nullable(),
  extensionDays: z.number().nullable(),
  /** working days granted so far, all requests together */
  extendedDays: z.number(),
  /** a key of extensionStatusLabels */
  extensionStatus: z.string().nullable(),
  overdue: z.boolean(),
  /** the reply deadline crosses a year whose holiday notice is not loaded: reckoned on the statutory days, may move */
  provisional: z.boolean(),
  actions: z.array(z.string()),
});
export type Assignment = Wire<typeof assignment>;

export const reply = z.object({
  id: z.string(),
  version: z.number(),
  unitId: z.string(),
  unitName: z.string(),
  round: z.number(),
  /** a key of replyStatusLabels */
  status: z.string(),
  answerClass: z.string(),
  body: z.string(),
  contactPerson: z.string(),
  contactPhone: z.string(),
  signedBy: z.string().nullable(),
  sentAt: instant.nullable(),
  disclose: z.boolean(),
  nondisclosureReason: z.string().nullable(),
  /** 承诺 of a promise class (列入计划): what, by when, and — once due — whether it was kept */
  promise: z.string().nullable(),
  promisedBy: z.string().nullable(),
  /** a key of promiseOutcomes */
  promiseOutcome: z.string().nullable(),
  promiseNote: z.string().nullable(),
  promiseCheckedOn: z.string().nullable(),
  promiseRecordedBy: z.string().nullable(),
});
export type Reply = Wire<typeof reply>;

/** An assignment or a reply as a handling write answers it: the record written, without what a detail adds (names, flags, actions). */
export const assignmentRecord = assignment.omit({ unitName: true, roleLabel: true, overdue: true, provisional: true, actions: true });
export const replyRecord = reply.omit({ unitName: true });

export const contact = z.object({
  id: z.string(),
  /** the unit talked with (a unit of the record's own committee), if the talk named one */
  unitId: z.string().nullable(),
  unitName: z.string(),
  authorName: z.string(),
  /** a key of contactStages */
  stage: z.string(),
  /** a key of contactMethods */
  method: z.string(),
  contactOn: z.string(),
  summary: z.string(),
});
export type Contact = Wire<typeof contact>;

export const rating = z.object({ id: z.string(), round: z.number(), attitude: z.string(), result: z.string(), comment: z.string().nullable(), createdAt: instant });
export type Rating = Wire<typeof rating>;

export const instruction = z.object({ id: z.string(), leaderName: z.string(), level: z.string(), instructedOn: z.string(), text: z.string(), followUp: z.string().nullable() });
export type Instruction = Wire<typeof instruction>;

/** The handling part of any handled record's detail (proposal, opinion report, …). */
export const handledRecord = z.object({
  id: z.string(),
  version: z.number(),
  status: z.string(),
  actions: z.array(z.string()),
  handlingRound: z.number().optional(),
  assignments: z.array(assignment),
  replies: z.array(reply),
  /** proposals carry the contact log on their detail; other subjects load it from handlingPaths.contacts */
  contacts: z.array(contact).optional(),
  ratings: z.array(rating).optional(),
});
export type HandledRecord = Wire<typeof handledRecord>;
export const contactList = z.object({ items: z.array(contact) });

/** One item on a unit's worklist (待办事项): an assignment of any handled type, with its deadline in working days. */
export const worklistItem = z.object({
  /** the assignment */
  id: z.string(),
  /** a key of handledTypes */
  type: z.string(),
  typeLabel: z.string(),
  subjectId: z.string(),
  title: z.string(),
  /** the record's page, e.g. /opinions/<id> */
  link: z.string(),
  role: z.string(),
  roleLabel: z.string(),
  round: z.number(),
  /** a key of assignmentStatusLabels */
  status: z.string(),
  statusLabel: z.string(),
  /** what the unit does next (签收, 答复, 提交协办意见) or waits for */
  nextStep: z.string(),
  assignedOn: z.string(),
  objectionDeadline: z.string(),
  replyDeadline: z.string(),
  /** the working days the unit was given, from assignment to the reply deadline (extensions included) */
  periodWorkdays: z.number(),
  /** working days from today to the reply deadline; negative once overdue */
  daysLeft: z.number(),
  overdue: z.boolean(),
  /** the reply deadline crosses a year whose holiday notice is not loaded: reckoned on the statutory days, may move */
  provisional: z.boolean(),
  /** a key of extensionStatusLabels */
  extensionStatus: z.string().nullable(),
});
export type WorklistItem = Wire<typeof worklistItem>;

/** A unit's pending items, soonest deadline first, and how many there are of each type (they add up to `total`). */
export const worklist = z.object({
  items: z.array(worklistItem),
  counts: z.array(z.object({ type: z.string(), label: z.string(), count: z.number() })),
  total: z.number(),
  overdue: z.number(),
});
export type Worklist = Wire<typeof worklist>;

/** One promise of a reply (列入计划): the record it answers, what was promised by when, and its outcome. */
export const promiseItem = z.object({
  /** the reply */
  id: z.string(),
  version: z.number(),
  /** a key of handledTypes */
  type: z.string(),
  typeLabel: z.string(),
  subjectId: z.string(),
  title: z.string(),
  link: z.string(),
  unitName: z.string(),
  answerClass: z.string(),
  promise: z.string(),
  promisedBy: z.string(),
  /** a key of promiseStates */
  state: z.string(),
  stateLabel: z.string(),
  /** days from the promised date to today: negative before it, 0 on it */
  daysPast: z.number(),
  /** a key of promiseOutcomes */
  outcome: z.string().nullable(),
  outcomeLabel: z.string().nullable(),
  note: z.string().nullable(),
  checkedOn: z.string().nullable(),
  recordedBy: z.string().nullable(),
  /** `record` when this person may record the outcome now */
  actions: z.array(z.string()),
  /** `record` with why not yet (the date is not due) */
  blocked: z.record(z.string(), z.string()),
});
export type PromiseItem = Wire<typeof promiseItem>;

/** Promises, due first (the longest overdue at the top), then those not yet due, then the recorded; and how many of each state and outcome. */
export const promiseList = z.object({
  items: z.array(promiseItem),
  counts: z.object({ pending: z.number(), due: z.number(), recorded: z.number(), kept: z.number(), partly: z.number(), broken: z.number() }),
});
export type PromiseList = Wire<typeof promiseList>;
