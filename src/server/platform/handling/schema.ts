import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { recordColumns } from '../../db/columns.js';

/**
 * The handling primitive (交办-办理-答复-评价), shared by proposals, supervision suggestions,
 * consultation outcomes, opinion reports passed on and public requests: a subject (type + id) is
 * assigned to units, each with a role and deadlines; units sign, may object, log contact with the
 * proposer, send views to the lead unit, and reply; the proposer rates; dissatisfaction opens a
 * second round.
 */
export const assignments = pgTable(
  'handling_assignments',
  {
    ...recordColumns(),
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    /** sole 单办 | lead 主办 | assisting 协办 | joint 会办 | split 分办 */
    role: text('role').notNull(),
    /** 1 = first handling, 2 = second handling (二次办理) after a 不满意 rating */
    round: integer('round').notNull().default(1),
    /** assigned | signed | objected | withdrawn | done */
    status: text('status').notNull().default('assigned'),
    assignedOn: date('assigned_on', { mode: 'string' }).notNull(),
    objectionDeadline: date('objection_deadline', { mode: 'string' }).notNull(),
    replyDeadline: date('reply_deadline', { mode: 'string' }).notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    objectionReason: text('objection_reason'),
    objectionDecision: text('objection_decision'),
    /** the view an assisting/joint unit sends to the lead unit (协办意见) */
    opinion: text('opinion'),
    opinionAt: timestamp('opinion_at', { withTimezone: true }),
    extensionReason: text('extension_reason'),
    /** working days asked for in the latest extension request */
    extensionDays: integer('extension_days'),
    /** working days granted so far, all requests together (capped by the settings) */
    extendedDays: integer('extended_days').notNull().default(0),
    /** pending | approved | refused */
    extensionStatus: text('extension_status'),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
  },
  (t) => [
    // a subject's assignments, with the columns 提案统计 counts by (stats/figures.ts, per unit), so a
    // session's ~2,000 lookups are index-only instead of a heap page each
    index('assignments_subject_idx').on(t.subjectType, t.subjectId, t.status, t.unitId, t.role, t.replyDeadline),
    index('assignments_unit_idx').on(t.unitId, t.status),
    // the reminders job (reminders.ts) reads only open, not yet reminded assignments of a replying
    // role: at province scale a small slice of the table, found here instead of by a full scan. The
    // predicate is the job's filter word for word, so the planner can prove the index covers it.
    index('assignments_remind_due_idx')
      .on(t.replyDeadline)
      .where(sql`${t.status} not in ('done', 'withdrawn') and ${t.role} in ('sole', 'lead', 'split') and ${t.remindedAt} is null`),
  ],
);

/** 办前沟通、办中协商、办后反馈: every contact between a unit and the proposer, logged. */
export const contacts = pgTable(
  'handling_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    unitId: uuid('unit_id'),
    authorUserId: uuid('author_user_id').notNull(),
    authorName: text('author_name').notNull(),
    /** before | during | after */
    stage: text('stage').notNull(),
    /** visit | phone | meeting | message */
    method: text('method').notNull(),
    contactOn: date('contact_on', { mode: 'string' }).notNull(),
    summary: text('summary').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('contacts_subject_idx').on(t.subjectType, t.subjectId)],
);

/** 答复: a unit's formal reply for one round, drafted, signed off by its responsible leader, sent. */
export const replies = pgTable(
  'handling_replies',
  {
    ...recordColumns(),
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    round: integer('round').notNull().default(1),
    /** draft | signed | sent */
    status: text('status').notNull().default('draft'),
    answerClass: text('answer_class').notNull(),
    body: text('body').notNull(),
    contactPerson: text('contact_person').notNull(),
    contactPhone: text('contact_phone').notNull(),
    signedBy: text('signed_by'),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** may the reply be published on the portal (公开), and if not, why */
    disclose: boolean('disclose').notNull().default(true),
    nondisclosureReason: text('nondisclosure_reason'),
    /** 承诺: what a reply of a promise class (列入计划) undertakes, and by when */
    promise: text('promise'),
    promisedBy: date('promised_by', { mode: 'string' }),
    /** 兑现情况, recorded once the date is due: kept | partly | broken (promiseOutcomes), with a note, the day checked and who recorded it */
    promiseOutcome: text('promise_outcome'),
    promiseNote: text('promise_note'),
    promiseCheckedOn: date('promise_checked_on', { mode: 'string' }),
    promiseRecordedBy: text('promise_recorded_by'),
  },
  // a subject's replies with what 提案统计 reads of them (the final answer per unit), index-only as above
  (t) => [index('replies_subject_idx').on(t.subjectType, t.subjectId, t.status, t.unitId, t.round, t.answerClass), index('replies_promised_idx').on(t.committeeId, t.promisedBy)],
);

/** 征询意见: the proposer's rating of one round, on attitude and on result. */
export const ratings = pgTable(
  'handling_ratings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    round: integer('round').notNull(),
    memberId: uuid('member_id').notNull(),
    /** satisfied 满意 | basically 基本满意 | unsatisfied 不满意 */
    attitude: text('attitude').notNull(),
    result: text('result').notNull(),
    comment: text('comment'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // a subject's latest rating first, with its opinion: 提案统计's satisfaction counts are index-only
  (t) => [index('ratings_subject_idx').on(t.subjectType, t.subjectId, t.round.desc().nullsFirst(), t.createdAt.desc().nullsFirst(), t.attitude, t.result)],
);

/** 批示: a leader's instruction on any subject, with level and date, and what was done after it. */
export const instructions = pgTable(
  'instructions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    leaderUserId: uuid('leader_user_id'),
    leaderName: text('leader_name').notNull(),
    /** district | city | province | national */
    level: text('level').notNull(),
    instructedOn: date('instructed_on', { mode: 'string' }).notNull(),
    text: text('text').notNull(),
    followUp: text('follow_up'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('instructions_subject_idx').on(t.subjectType, t.subjectId)],
);
