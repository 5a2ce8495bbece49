import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea, recordColumns } from '../../db/columns.js';

/**
 * 会议活动: anything scheduled with people — meetings now (全体会议 per half-day, 常委会议, 主席会议,
 * 专委会会议, 委员活动日, 读书活动, 培训, 视察, 调研), consultations and research visits later.
 * `ownerType` says which module owns the event; the invitees, leave requests and check-in are the
 * same for all of them.
 */
export const activities = pgTable(
  'activities',
  {
    ...recordColumns(),
    /** the module that owns the event: meeting | consultation | research … */
    ownerType: text('owner_type').notNull().default('meeting'),
    /** plenary | standingCommittee | chairs | specialCommittee | activityDay | reading | training | inspection | research */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    year: integer('year').notNull(),
    /** the yearly plenary session (次会议) a plenary half-day belongs to */
    sessionId: uuid('session_id'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    location: text('location').notNull().default(''),
    /** attendance is required: absence without approved leave is an unexcused absence */
    mandatory: boolean('mandatory').notNull().default(true),
    /** the staff office that organises the event and approves leave (办公室 by default) */
    organiserOffice: text('organiser_office').notNull().default('general'),
    /** who was invited, as chosen (everyone / a committee / a sector / a studio / named members) */
    invitationScopes: jsonb('invitation_scopes').notNull().default([]),
    agenda: text('agenda').notNull().default(''),
    /** materials and minutes are text until the platform has file storage */
    materials: text('materials').notNull().default(''),
    minutes: text('minutes').notNull().default(''),
    /** scheduled | closed (attendance final, ledger written) | cancelled */
    status: text('status').notNull().default('scheduled'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdByUserId: uuid('created_by_user_id'),
  },
  (t) => [index('activities_committee_starts_idx').on(t.committeeId, t.startsAt), index('activities_committee_year_idx').on(t.committeeId, t.year)],
);

/** One row per invited member: reply, check-in, early leave and, once closed, the outcome. */
export const activityInvitees = pgTable(
  'activity_invitees',
  {
    activityId: uuid('activity_id').notNull(),
    memberId: uuid('member_id').notNull(),
    committeeId: uuid('committee_id').notNull(),
    version: integer('version').notNull().default(1),
    /** pending | accepted | declined */
    reply: text('reply').notNull().default('pending'),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    /** qr (the member scanned the venue code) | staff (checked in on the member's behalf) */
    checkInMethod: text('check_in_method'),
    checkedInBy: uuid('checked_in_by'),
    /** early leave (早退): when the member left */
    leftAt: timestamp('left_at', { withTimezone: true }),
    /** set when the event is closed: attended | excused | absent | leaveRefused | none */
    outcome: text('outcome'),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.memberId] }), index('activity_invitees_member_idx').on(t.memberId)],
);

/** 请假: a member asks to be excused, with a reason; the designated staff approve or refuse. */
export const leaveRequests = pgTable(
  'activity_leave_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull(),
    activityId: uuid('activity_id').notNull(),
    memberId: uuid('member_id').notNull(),
    reason: text('reason').notNull(),
    /** pending | approved | refused | withdrawn */
    status: text('status').notNull().default('pending'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedByUserId: uuid('decided_by_user_id'),
    decidedByName: text('decided_by_name'),
    decisionNote: text('decision_note'),
  },
  (t) => [index('activity_leave_activity_idx').on(t.activityId, t.memberId)],
);

/**
 * Secrets of this installation (e.g. the key that signs check-in QR codes), created on first use
 * and kept in the database so every server process of one installation shares them.
 */
export const installationSecrets = pgTable('installation_secrets', {
  name: text('name').primaryKey(),
  secret: text('secret').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Bytes stored in the database (PGlite and PostgreSQL alike), so an installation needs no file store. */
/**
 * 会议材料与纪要: files attached to an event (agenda papers, speeches handed out, the minutes).
 * Nothing others relied on is deleted: a removed file keeps its row with `removedAt`.
 */
export const activityFiles = pgTable(
  'activity_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull(),
    activityId: uuid('activity_id').notNull(),
    /** materials 会议材料 | minutes 会议纪要 */
    kind: text('kind').notNull(),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    data: bytea('data').notNull(),
    uploadedByUserId: uuid('uploaded_by_user_id'),
    uploadedByName: text('uploaded_by_name').notNull().default(''),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [index('activity_files_activity_idx').on(t.activityId)],
);
