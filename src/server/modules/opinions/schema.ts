import { boolean, date, index, jsonb, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { recordColumns } from '../../db/columns.js';

/**
 * 社情民意信息 (opinion): a short report of one issue people raise, written by a member, or by staff
 * on behalf of a party, special committee or lower committee. The information office edits it
 * (every revision kept in opinion_revisions), may combine several into one (综合), adopts it into a
 * numbered issue (期) of the periodical 《社情民意》 or declines it with feedback. The record always
 * belongs to the committee where it was submitted, also after it was sent up (上下联动).
 */
export const opinions = pgTable(
  'opinions',
  {
    ...recordColumns(),
    year: integer('year').notNull(),
    /** internal serial (流水号) per committee and year, given at submission */
    serial: integer('serial'),
    /** member | party 党派团体 | specialCommittee 专委会 | lowerCommittee 下级政协 | combined 综合 */
    authorType: text('author_type').notNull(),
    authorMemberId: uuid('author_member_id'),
    /** the body in whose name staff submitted it (a party, special committee or lower committee) */
    authorBody: text('author_body'),
    /** author as printed: 张三 / 民盟区委 / 综合（张三、李四） */
    authorText: text('author_text').notNull(),
    createdByUserId: uuid('created_by_user_id').notNull(),
    title: text('title').notNull(),
    /** the current text (the latest revision); the original stays in opinion_revisions */
    body: text('body').notNull(),
    category: text('category').notNull(),
    /** draft | submitted | adopted | declined | combined | withdrawn */
    status: text('status').notNull().default('draft'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** feedback to the author when declined (未采用) */
    feedback: text('feedback'),
    /** combined: the report this one was combined into (综合) */
    combinedIntoId: uuid('combined_into_id'),
    /** adopted: the issue (期) of the own committee's periodical */
    issueId: uuid('issue_id'),
    /** 上下联动: the parent committee it was sent up to (its information office may then read it) */
    sentUpToCommitteeId: uuid('sent_up_to_committee_id'),
    sentUpAt: timestamp('sent_up_at', { withTimezone: true }),
    /** passed to departments through the handling primitive: null | handling | replied */
    handlingStatus: text('handling_status'),
    handlingRound: integer('handling_round').notNull().default(0),
    /** 提案转社情民意: the proposal the review converted into this report */
    fromProposalId: uuid('from_proposal_id'),
    /** 直通车: a report for the leaders' direct reference (a research report sent on by the office) */
    direct: boolean('direct').notNull().default(false),
    /** members credited with it besides the author (a research group), who may follow it as its authors do */
    contributorMemberIds: uuid('contributor_member_ids').array().notNull().default([]),
    /** 社情民意联系点 the report came through, named by its author (opinion_contact_points) */
    contactPointId: uuid('contact_point_id'),
  },
  (t) => [
    index('opinions_committee_status_idx').on(t.committeeId, t.status),
    index('opinions_from_proposal_idx').on(t.fromProposalId),
    index('opinions_author_idx').on(t.authorMemberId),
    index('opinions_sent_up_idx').on(t.sentUpToCommitteeId),
    index('opinions_combined_into_idx').on(t.combinedIntoId),
    index('opinions_contact_point_idx').on(t.contactPointId),
  ],
);

/** Every text of a report from submission on: revision 1 is the author's original. */
export const opinionRevisions = pgTable(
  'opinion_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull(),
    opinionId: uuid('opinion_id').notNull(),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    editorUserId: uuid('editor_user_id').notNull(),
    editorName: text('editor_name').notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('opinion_revisions_number_uq').on(t.opinionId, t.number)],
);

/** 期: one numbered issue of a committee's periodical 《社情民意》. */
export const opinionIssues = pgTable(
  'opinion_issues',
  {
    ...recordColumns(),
    year: integer('year').notNull(),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    /** draft 编辑中 | approved 已审核 | signed 已签发 | published 已印发 */
    status: text('status').notNull().default('draft'),
    approvedByName: text('approved_by_name'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    signedByName: text('signed_by_name'),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('opinion_issues_number_uq').on(t.committeeId, t.year, t.number)],
);

/**
 * The reports of an issue, in order. An issue of a city committee may hold a district's report that
 * was sent up to it (the item belongs to the issue's committee, the report to the district).
 */
export const opinionIssueItems = pgTable(
  'opinion_issue_items',
  {
    issueId: uuid('issue_id').notNull(),
    opinionId: uuid('opinion_id').notNull(),
    committeeId: uuid('committee_id').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [uniqueIndex('opinion_issue_items_uq').on(t.issueId, t.opinionId), index('opinion_issue_items_opinion_idx').on(t.opinionId)],
);

/**
 * 报送: where a report went — the party committee, the government, a higher committee, a department.
 * A send to the parent committee of the same installation (target_committee_id) is 上下联动: the
 * receiving information office adopts or declines it, and its decision is kept here.
 */
export const opinionSends = pgTable(
  'opinion_sends',
  {
    ...recordColumns(),
    opinionId: uuid('opinion_id').notNull(),
    /** partyCommittee 党委 | government 政府 | higherCommittee 上级政协 | department 部门 */
    kind: text('kind').notNull(),
    targetName: text('target_name').notNull(),
    targetCommitteeId: uuid('target_committee_id'),
    sentOn: date('sent_on', { mode: 'string' }).notNull(),
    issueId: uuid('issue_id'),
    recordedByName: text('recorded_by_name').notNull(),
    note: text('note'),
    /** for a send to a committee of the installation: sent | adopted | declined */
    status: text('status').notNull().default('sent'),
    feedback: text('feedback'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [index('opinion_sends_opinion_idx').on(t.opinionId), index('opinion_sends_target_idx').on(t.targetCommitteeId, t.status)],
);

/**
 * 采用: each adoption at each level — district, city, province, national; alone (单篇) or in a digest
 * (综合); by a periodical or by a department. The row belongs to the report's committee, so an
 * adoption recorded by the city flows back to the district record.
 */
export const opinionAdoptions = pgTable(
  'opinion_adoptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull(),
    opinionId: uuid('opinion_id').notNull(),
    /** district | city | province | national */
    level: text('level').notNull(),
    /** alone 单篇采用 | digest 综合采用 */
    mode: text('mode').notNull(),
    /** who adopted it, as printed: 深圳市政协《社情民意》2026年第3期, 省委办公厅… */
    adoptedBy: text('adopted_by').notNull(),
    /** adopted by a department (部门采用): its name */
    department: text('department'),
    adoptedOn: date('adopted_on', { mode: 'string' }).notNull(),
    issueId: uuid('issue_id'),
    recordedByCommitteeId: uuid('recorded_by_committee_id').notNull(),
    recordedByName: text('recorded_by_name').notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('opinion_adoptions_opinion_idx').on(t.opinionId), index('opinion_adoptions_committee_idx').on(t.committeeId, t.level)],
);


/** A liaison person (联络员) of a contact point: a member of the committee, or a named non-member with a phone only staff see. */
export interface ContactLiaison {
  memberId: string | null;
  name: string;
  phone: string | null;
}

/**
 * 社情民意联系点 ("社情联系点·民意直通车", seed 002): a place in a community, enterprise or sector where
 * people's concerns are collected, with its liaison people. Reports that came through one name it
 * (`opinions.contact_point_id`) and count for it; a point no longer used is closed, never deleted.
 */
export const opinionContactPoints = pgTable(
  'opinion_contact_points',
  {
    ...recordColumns(),
    name: text('name').notNull(),
    /** community | enterprise | sector | other */
    kind: text('kind').notNull(),
    /** where it is: 龙城街道爱联社区党群服务中心 */
    place: text('place').notNull(),
    note: text('note').notNull().default(''),
    liaisons: jsonb('liaisons').$type<ContactLiaison[]>().notNull().default([]),
    active: boolean('active').notNull().default(true),
  },
  (t) => [uniqueIndex('opinion_contact_points_name_uq').on(t.committeeId, t.name)],
);
