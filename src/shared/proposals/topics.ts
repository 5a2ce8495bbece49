import { z } from 'zod';
import { instant, type Wire } from '../http/responses.js';

/**
 * 提案参考选题: the year's list of reference topics the proposal office writes and publishes; members
 * see the published ones beside their proposal form and may cite the one their proposal answers.
 */
export const topicStates = { draft: '草稿', published: '已发布', withdrawn: '已撤回' } as const;
export type TopicState = keyof typeof topicStates;

const version = z.number().int().min(1).describe('版本');
const year = z.coerce.number().int().min(2000).max(2100).describe('年度');

export const topicInput = z.object({
  year: z.number().int().min(2000).max(2100).describe('年度'),
  title: z.string().trim().min(4).max(60).describe('选题'),
  explanation: z.string().trim().max(500).default('').describe('选题说明'),
  category: z.string().trim().min(1).max(20).describe('类别'),
  unitId: z.uuid().nullish().describe('涉及单位'),
});
export const topicPatch = topicInput.omit({ year: true }).partial().extend({ version });
export const topicVersion = z.object({ version });
/** 发布本年度选题: every draft of the year goes public at once. */
export const publishYearBody = z.object({ year: z.number().int().min(2000).max(2100).describe('年度') });

export const topicIdParams = z.object({ id: z.uuid().describe('选题编号') });
/** The office's list: one year (the current session's when left out), any state. */
export const topicListQuery = z.object({ year: year.optional(), status: z.enum(['draft', 'published', 'withdrawn']).optional().describe('状态') });
/**
 * The published topics of the year for the proposal form; with `text` (what the member is writing)
 * the closest come first, each with its score.
 */
export const publishedTopicsQuery = z.object({ year: year.optional(), text: z.string().trim().max(3000).optional().describe('提案内容') });

export const topicPaths = {
  list: '/api/proposals/topics',
  published: '/api/proposals/topics/published',
  publishYear: '/api/proposals/topics/publish',
  topic: '/api/proposals/topics/:id',
  publish: '/api/proposals/topics/:id/publish',
  withdraw: '/api/proposals/topics/:id/withdraw',
} as const;

/** A topic as the office manages it: with how many proposals of the year cite it. */
export const topicRow = z.object({
  id: z.string(),
  version: z.number(),
  year: z.number(),
  serial: z.number(),
  title: z.string(),
  explanation: z.string(),
  category: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  status: z.string(),
  statusLabel: z.string(),
  publishedAt: instant.nullable(),
  /** proposals (submitted, not withdrawn) that cite it */
  cited: z.number(),
  actions: z.array(z.string()),
});
export type TopicRow = Wire<typeof topicRow>;

export const topicList = z.object({
  year: z.number(),
  items: z.array(topicRow),
  /** topics published this year, and how many of them some proposal cites (采用) */
  published: z.number(),
  taken: z.number(),
  /** the year's proposal categories, for the form */
  categories: z.array(z.string()),
  actions: z.array(z.string()),
});
export type TopicList = Wire<typeof topicList>;

/** The year's drafts published at once: how many were, and the year's list as it now stands. */
export const topicsPublished = z.object({ published: z.number(), list: topicList });
export type TopicsPublished = Wire<typeof topicsPublished>;

/** A topic on the proposal form: `score` (0..1) how close it is to what is being written, when asked. */
export const publishedTopic = z.object({
  id: z.string(),
  serial: z.number(),
  title: z.string(),
  explanation: z.string(),
  category: z.string(),
  unitName: z.string().nullable(),
  score: z.number().nullable(),
});
export type PublishedTopic = Wire<typeof publishedTopic>;
export const publishedTopics = z.object({ year: z.number(), items: z.array(publishedTopic) });
export type PublishedTopics = Wire<typeof publishedTopics>;

/** A topic's page for the office: the topic and the proposals citing it. */
export const topicDetail = topicRow.extend({
  proposals: z.array(z.object({ id: z.string(), title: z.string(), numberText: z.string().nullable(), status: z.string(), statusLabel: z.string() })),
});
export type TopicDetail = Wire<typeof topicDetail>;
