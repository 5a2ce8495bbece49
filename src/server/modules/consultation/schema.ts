import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { recordColumns } from '../../db/columns.js';

/**
 * 协商选题: a suggested consultation topic from one of four sources — 党政点题 (entered by the
 * office for the party committee or government), 政协选题 (a special committee), 委员荐题 (a member)
 * and 群众出题 (the public, moderated before anyone else sees it). Research topics reuse it later.
 */
export const consultationTopics = pgTable(
  'consultation_topics',
  {
    ...recordColumns(),
    year: integer('year').notNull(),
    /** party | committee | member | public */
    source: text('source').notNull(),
    title: text('title').notNull(),
    reason: text('reason').notNull(),
    /** 政协选题: the special committee proposing it */
    specialCommitteeId: uuid('special_committee_id'),
    /** who proposed it, as printed: 区委办公室 / 经济委员会 / 张三 / 群众（李女士） */
    proposerName: text('proposer_name').notNull(),
    authorMemberId: uuid('author_member_id'),
    /** null for a public suggestion from the portal */
    createdByUserId: uuid('created_by_user_id'),
    /** 群众出题: how the office reaches the person (never shown outside the office) */
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    /** pending | submitted | adopted | declined | rejected | withdrawn */
    status: text('status').notNull().default('submitted'),
    feedback: text('feedback'),
  },
  (t) => [index('consultation_topics_committee_year_idx').on(t.committeeId, t.year, t.status), index('consultation_topics_author_idx').on(t.authorMemberId)],
);

/**
 * 年度协商计划: one per committee and year. It passes four reviews (四审) before it is approved;
 * a change after approval goes through the same steps again as the next revision.
 */
export const consultationPlans = pgTable(
  'consultation_plans',
  {
    ...recordColumns(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    /** draft | committeeReview | officeReview | chairsReview | partyReview | approved */
    status: text('status').notNull().default('draft'),
    /** 1 for the first plan; each change after approval is a new revision through the same steps */
    revision: integer('revision').notNull().default(1),
    approvedOn: date('approved_on', { mode: 'string' }),
    createdByUserId: uuid('created_by_user_id'),
  },
  (t) => [uniqueIndex('consultation_plans_year_uq').on(t.committeeId, t.year)],
);

/** Each decision of the four reviews, kept for every revision: who, when, pass or return, why. */
export const consultationPlanReviews = pgTable(
  'consultation_plan_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull(),
    planId: uuid('plan_id').notNull(),
    revision: integer('revision').notNull(),
    /** submit | committeeReview | officeReview | chairsReview | partyReview | revise */
    step: text('step').notNull(),
    /** pass | return (submit and revise: pass) */
    decision: text('decision').notNull(),
    byName: text('by_name').notNull(),
    byUserId: uuid('by_user_id').notNull(),
    note: text('note'),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('consultation_plan_reviews_plan_idx').on(t.planId)],
);

/**
 * 协商活动: one topic of the plan and, once approved, the consultation held on it — its form, lead
 * special committee, departments, month and "先调研、后协商".
 */
export const consultations = pgTable(
  'consultations',
  {
    ...recordColumns(),
    planId: uuid('plan_id').notNull(),
    year: integer('year').notNull(),
    /** the suggestion it was chosen from, if any */
    topicId: uuid('topic_id'),
    title: text('title').notNull(),
    form: text('form').notNull(),
    leadSpecialCommitteeId: uuid('lead_special_committee_id'),
    /** participating departments (承办单位 catalog) */
    unitIds: uuid('unit_ids').array().notNull().default([]),
    month: integer('month').notNull(),
    researchFirst: boolean('research_first').notNull().default(true),
    description: text('description'),
    position: integer('position').notNull().default(0),
    /** planned | scheduled | held | reported | following | done */
    status: text('status').notNull().default('planned'),
    /** the event held through the activity primitive */
    activityId: uuid('activity_id'),
    heldOn: date('held_on', { mode: 'string' }),
    /** 纪要 */
    minutes: text('minutes'),
    /** report 协商报告 | recommendation 建议案 | digest 《领导参阅》 */
    outcomeKind: text('outcome_kind'),
    outcomeTitle: text('outcome_title'),
    outcomeText: text('outcome_text'),
    /** the day the outcome went to the party committee and government */
    outcomeSentOn: date('outcome_sent_on', { mode: 'string' }),
    /** the day the event was scheduled and its invitations (the notice) went out */
    noticedOn: date('noticed_on', { mode: 'string' }),
    /** the day the minutes were recorded (the 7-working-day limit is reckoned against it) */
    minutesOn: date('minutes_on', { mode: 'string' }),
    /** the time limits (timings.ts) the office was already reminded of: each reminder goes out once */
    remindedTimings: text('reminded_timings').array().notNull().default([]),
  },
  (t) => [index('consultations_plan_idx').on(t.planId), index('consultations_topic_idx').on(t.topicId)],
);

/**
 * 参加人员: everyone who took part — members (also invited through the activity), and experts,
 * public representatives and department staff who need no account; checked in by the office.
 */
export const consultationParticipants = pgTable(
  'consultation_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull(),
    consultationId: uuid('consultation_id').notNull(),
    /** member | expert | public | department */
    kind: text('kind').notNull(),
    memberId: uuid('member_id'),
    name: text('name').notNull(),
    /** workplace or title, as printed in the minutes */
    affiliation: text('affiliation').notNull().default(''),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('consultation_participants_idx').on(t.consultationId), uniqueIndex('consultation_participants_member_uq').on(t.consultationId, t.memberId)],
);

/** 发言与书面意见: what each participant said or handed in, so they can later be told what became of it. */
export const consultationSpeeches = pgTable(
  'consultation_speeches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull(),
    consultationId: uuid('consultation_id').notNull(),
    participantId: uuid('participant_id').notNull(),
    /** oral 会上发言 | written 书面意见 */
    kind: text('kind').notNull(),
    text: text('text').notNull(),
    recordedByName: text('recorded_by_name').notNull(),
    recordedOn: date('recorded_on', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('consultation_speeches_idx').on(t.consultationId)],
);

/**
 * 协商建议落实事项: the outcome's recommendations, one row each, sent to departments through the
 * handling primitive (type consultationItem): reply, rating, second round.
 */
export const consultationRecommendations = pgTable(
  'consultation_recommendations',
  {
    ...recordColumns(),
    consultationId: uuid('consultation_id').notNull(),
    year: integer('year').notNull(),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    /** handling | replied */
    handlingStatus: text('handling_status').notNull().default('handling'),
    handlingRound: integer('handling_round').notNull().default(1),
  },
  (t) => [index('consultation_recommendations_idx').on(t.consultationId)],
);

/**
 * 提案办理协商所议重点提案: the key proposals (proposals/key) a consultation of form
 * `proposalHandling` discusses — of its committee and year, picked by the office; each key
 * proposal's page shows the consultation (date, outcome, minutes).
 */
export const consultationKeyProposals = pgTable(
  'consultation_key_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull(),
    consultationId: uuid('consultation_id').notNull(),
    keyProposalId: uuid('key_proposal_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('consultation_key_proposals_uq').on(t.consultationId, t.keyProposalId), index('consultation_key_proposals_key_idx').on(t.keyProposalId)],
);

/**
 * 网络议政室: a topic room of one consultation, open from `opensAt` to `closesAt` (the app's clock) to
 * members and, when the office chooses, to the public through the portal. The office closes it early
 * or reopens it, and summarises it: the summary joins the consultation's outcome.
 */
export const consultationRooms = pgTable(
  'consultation_rooms',
  {
    ...recordColumns(),
    consultationId: uuid('consultation_id').notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    /** what the office asks the room to discuss */
    intro: text('intro').notNull(),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    /** the public may read approved posts and post (moderated) through the portal */
    publicAccess: boolean('public_access').notNull().default(false),
    /** open | closed | summarized */
    status: text('status').notNull().default('open'),
    summary: text('summary'),
    summarizedOn: date('summarized_on', { mode: 'string' }),
    createdByUserId: uuid('created_by_user_id'),
  },
  (t) => [index('consultation_rooms_consultation_idx').on(t.consultationId), index('consultation_rooms_committee_idx').on(t.committeeId, t.status)],
);

/**
 * 议政发言: a post in a room, or a reply to one (`parentId`, one level deep). A public post and, when
 * the committee sets pre-moderation, a member's wait for the office (`pending`) before anyone else
 * sees them; the office hides a published one with a reason.
 */
export const consultationRoomPosts = pgTable(
  'consultation_room_posts',
  {
    ...recordColumns(),
    roomId: uuid('room_id').notNull(),
    parentId: uuid('parent_id'),
    /** member | public */
    authorKind: text('author_kind').notNull(),
    authorMemberId: uuid('author_member_id'),
    authorUserId: uuid('author_user_id'),
    /** as shown: the member's name, or 网友 and the nickname the person gave */
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    /** pending | published | rejected | hidden */
    status: text('status').notNull(),
    /** why the office rejected or hid it (shown to the author and the office) */
    reason: text('reason'),
  },
  (t) => [index('consultation_room_posts_room_idx').on(t.roomId, t.status), index('consultation_room_posts_author_idx').on(t.authorMemberId)],
);

/** 支持: one per member and post. */
export const consultationRoomSupports = pgTable(
  'consultation_room_supports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull(),
    postId: uuid('post_id').notNull(),
    memberId: uuid('member_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('consultation_room_supports_uq').on(t.postId, t.memberId)],
);

/** 议政投票: a question of a room — single choice, multiple choice or ranking of its options. */
export const consultationRoomPolls = pgTable(
  'consultation_room_polls',
  {
    ...recordColumns(),
    roomId: uuid('room_id').notNull(),
    question: text('question').notNull(),
    /** single | multiple | ranking */
    kind: text('kind').notNull(),
    options: text('options').array().notNull(),
    /** multiple choice: at most this many options (null: any number) */
    maxChoices: integer('max_choices'),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('consultation_room_polls_room_idx').on(t.roomId)],
);

/**
 * 选票: one per member and poll, changed (not added) while the room is open. `choices` are option
 * indexes; for a ranking, every option in the member's order.
 */
export const consultationRoomBallots = pgTable(
  'consultation_room_ballots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull(),
    pollId: uuid('poll_id').notNull(),
    memberId: uuid('member_id').notNull(),
    choices: integer('choices').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('consultation_room_ballots_uq').on(t.pollId, t.memberId)],
);

/**
 * 协商质量评价: a participating member's answers to the committee's short questionnaire about one
 * consultation, once it was held. The questions are kept as they were asked (a committee may change
 * its questionnaire later); one answer per member and consultation.
 */
export const consultationRatings = pgTable(
  'consultation_ratings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull(),
    consultationId: uuid('consultation_id').notNull(),
    memberId: uuid('member_id').notNull(),
    questions: text('questions').array().notNull(),
    /** one of good | fair | poor per question, in the questions' order */
    answers: text('answers').array().notNull(),
    comment: text('comment').notNull().default(''),
    ratedOn: date('rated_on', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('consultation_ratings_uq').on(t.consultationId, t.memberId)],
);

/**
 * 基层协商 / 民生议事会: a grassroots council the office organises with a street's liaison group —
 * "五方六步": five parties around the table, six steps, the state being the step it is at
 * (`collecting` 收集民意 … `following` 跟踪落实, then `done`; `voided` when recorded by mistake).
 * From 协商议事 on its members are credited; from 公示公开 on its result is on the portal.
 * The 联系群众 livelihood councils were moved here (same ids) by migration.
 */
export const consultationCouncils = pgTable(
  'consultation_councils',
  {
    ...recordColumns(),
    year: integer('year').notNull(),
    topic: text('topic').notNull(),
    /** who organises it: 布吉街道政协联络组 */
    organizer: text('organizer'),
    place: text('place'),
    /** the day of 协商议事 (set when the council meets) */
    day: date('day', { mode: 'string' }),
    /** 收集民意: what people raised, as the office summarised it */
    opinions: text('opinions'),
    /** 议前调研 */
    research: text('research'),
    /** 协商议事: how the discussion went (议事情况) */
    minutes: text('minutes'),
    /** 协商结果 / 议定事项 as published */
    result: text('result'),
    publishedOn: date('published_on', { mode: 'string' }),
    /** collecting | topicSet | researching | deliberating | published | following | done | voided */
    status: text('status').notNull().default('collecting'),
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    voidedByName: text('voided_by_name'),
    voidReason: text('void_reason'),
    createdByUserId: uuid('created_by_user_id'),
  },
  (t) => [index('consultation_councils_committee_idx').on(t.committeeId, t.year, t.status)],
);

/**
 * 五方: who sat at the table — party organisation, government, members, residents, experts. Only a
 * member is linked (to the roster); a resident or expert is a name and an organisation. The phone
 * is the office's, never shown outside it.
 */
export const consultationCouncilParticipants = pgTable(
  'consultation_council_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull(),
    councilId: uuid('council_id').notNull(),
    /** party | government | member | resident | expert */
    party: text('party').notNull(),
    name: text('name').notNull(),
    unit: text('unit'),
    memberId: uuid('member_id'),
    phone: text('phone'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('consultation_council_participants_council_idx').on(t.councilId), index('consultation_council_participants_member_idx').on(t.memberId)],
);

/** 议定事项: what the council agreed, who is responsible, and whether it is done (跟踪落实). */
export const consultationCouncilItems = pgTable(
  'consultation_council_items',
  {
    ...recordColumns(),
    councilId: uuid('council_id').notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    responsible: text('responsible').notNull(),
    dueOn: date('due_on', { mode: 'string' }),
    /** open | done */
    status: text('status').notNull().default('open'),
    progress: text('progress'),
    doneOn: date('done_on', { mode: 'string' }),
  },
  (t) => [index('consultation_council_items_council_idx').on(t.councilId)],
);
