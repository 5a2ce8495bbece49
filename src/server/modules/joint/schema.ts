import { index, integer, pgTable, timestamp, uuid, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * 联合视察调研 (上下联动): a parent committee's joint inspection or research with its districts. The
 * parent's event is an activity of its own (`owner_type` 'joint', no invitees of the district); each
 * district taking part gets its own event (`activities` of the district, organised by the parent,
 * `organiser_office` 'parent') holding the invitations of its members, so those members see it in
 * their own committee, check in there and earn their own committee's ledger entries. One row per
 * district taking part, kept by the parent (`committee_id` is the parent's).
 */
export const jointParts = pgTable(
  'joint_parts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** the parent committee (the organiser) */
    committeeId: uuid('committee_id').notNull(),
    /** the parent's event (activities, owner_type 'joint') */
    jointActivityId: uuid('joint_activity_id').notNull(),
    /** the district taking part */
    districtId: uuid('district_id').notNull(),
    /** the district's own event (activities of the district) */
    activityId: uuid('activity_id').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('joint_parts_joint_district_idx').on(t.jointActivityId, t.districtId), index('joint_parts_activity_idx').on(t.activityId)],
);

export type JointPart = typeof jointParts.$inferSelect;
