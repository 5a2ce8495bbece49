import { z } from 'zod';
import { attachment, historyEntry, instant, listOf, type Wire } from '../http/responses.js';
import { assignment, reply } from '../handling/responses.js';

/** What the server answers about 社情民意; the presenter is typed against these schemas. */

const byLevel = z.object({ district: z.number(), city: z.number(), province: z.number(), national: z.number() });

export const opinionRow = z.object({
  id: z.string(),
  version: z.number(),
  serial: z.number().nullable(),
  year: z.number(),
  title: z.string(),
  category: z.string(),
  authorType: z.string(),
  authorTypeLabel: z.string(),
  authorText: z.string(),
  /** a key of opinionStates */
  status: z.string(),
  statusLabel: z.string(),
  submittedAt: instant.nullable(),
  length: z.number(),
  committeeId: z.string(),
  committeeName: z.string(),
  own: z.boolean(),
  issue: z.object({ id: z.string(), title: z.string(), status: z.string() }).nullable(),
  adoptionCount: z.number(),
  /** a key of levels */
  topLevel: z.string().nullable(),
  topLevelLabel: z.string().nullable(),
  instructionCount: z.number(),
  sentUp: z.object({ id: z.string(), version: z.number(), targetName: z.string(), status: z.string(), sentOn: z.string(), feedback: z.string().nullable() }).nullable(),
  handlingStatus: z.string().nullable(),
  combinedIntoId: z.string().nullable(),
  /** the 社情民意联系点 it came through */
  contactPointId: z.string().nullable(),
  contactPointName: z.string().nullable(),
  /** 直通车: for the leaders' direct reference */
  direct: z.boolean(),
  actions: z.array(z.string()),
});
export type OpinionRow = Wire<typeof opinionRow>;

export const opinionList = z.object({ items: z.array(opinionRow), total: z.number(), actions: z.array(z.string()) });
export type OpinionList = Wire<typeof opinionList>;

export const revision = z.object({ id: z.string(), number: z.number(), title: z.string(), body: z.string(), editorName: z.string(), note: z.string().nullable(), createdAt: instant });
export type Revision = Wire<typeof revision>;

export const opinionDetail = opinionRow.extend({
  body: z.string(),
  feedback: z.string().nullable(),
  authorBody: z.string().nullable(),
  authorMemberId: z.string().nullable(),
  sentUpAt: instant.nullable(),
  /** 提案转来: the proposal this report was converted from */
  fromProposalId: z.string().nullable(),
  /** the livelihood request (民生诉求) it was converted from, when the viewer may open it */
  fromRequest: z.object({ id: z.string(), code: z.string() }).nullable(),
  /** the Members' Home duty whose suggestion this became (委员之家接待) */
  fromHome: z.object({ dutyId: z.string(), day: z.string() }).nullable(),
  revisions: z.array(revision),
  attachments: z.array(attachment),
  sends: z.array(z.object({ id: z.string(), kind: z.string(), kindLabel: z.string(), targetName: z.string(), sentOn: z.string(), status: z.string(), feedback: z.string().nullable(), note: z.string().nullable(), recordedByName: z.string() })),
  adoptions: z.array(z.object({ id: z.string(), level: z.string(), levelLabel: z.string(), mode: z.string(), modeLabel: z.string(), adoptedBy: z.string(), department: z.string().nullable(), adoptedOn: z.string(), recordedByName: z.string(), note: z.string().nullable() })),
  instructions: z.array(z.object({ id: z.string(), leaderName: z.string(), level: z.string(), levelLabel: z.string(), instructedOn: z.string(), text: z.string(), followUp: z.string().nullable() })),
  assignments: z.array(assignment),
  replies: z.array(reply),
  sources: z.array(z.object({ id: z.string(), title: z.string(), authorText: z.string() })),
  combinedInto: z.object({ id: z.string(), title: z.string(), status: z.string() }).nullable(),
  incoming: z.object({ id: z.string(), version: z.number(), status: z.string(), sentOn: z.string(), note: z.string().nullable(), feedback: z.string().nullable() }).nullable(),
  history: z.array(historyEntry),
});
export type OpinionDetail = Wire<typeof opinionDetail>;

/** An earlier report like the text being written, best first. */
export const similarOpinion = z.object({
  id: z.string(),
  title: z.string(),
  /** the estimated probability (0..1) of the same issue, on the same calibrated scale as similar proposals' */
  score: z.number(),
  /** 1 = the most similar */
  rank: z.number(),
  year: z.number(),
  serial: z.number().nullable(),
  status: z.string(),
  statusLabel: z.string(),
  authorText: z.string(),
  category: z.string(),
  /** the issue it was adopted into, e.g. 2026年第3期 */
  issueTitle: z.string().nullable(),
  /** may the reader open the report (the panel links only to these) */
  readable: z.boolean(),
});
export type SimilarOpinion = Wire<typeof similarOpinion>;
/** GET similar: the reports like the text being written, best first */
export const similarOpinions = z.array(similarOpinion);

export const opinionOptions = z.object({
  maxLength: z.number(),
  categories: z.array(z.string()),
  periodical: z.string(),
  yearlyQuota: z.number(),
  answerClasses: z.array(z.object({ code: z.string(), label: z.string() })),
  /** a key of levels */
  committeeLevel: z.string(),
  hasParent: z.boolean(),
  /** the years of the committee's reports and this one, newest first (the list's year filter) */
  years: z.array(z.number()),
  /** the year 全部信息 opens on */
  thisYear: z.number(),
});
export type OpinionOptions = Wire<typeof opinionOptions>;

export const issueItem = z.object({ position: z.number(), id: z.string(), title: z.string(), authorText: z.string(), category: z.string(), length: z.number(), committeeName: z.string(), own: z.boolean() });
export const issue = z.object({
  id: z.string(),
  version: z.number(),
  year: z.number(),
  number: z.number(),
  title: z.string(),
  /** a key of issueStates */
  status: z.string(),
  approvedByName: z.string().nullable(),
  signedByName: z.string().nullable(),
  publishedAt: instant.nullable(),
  actions: z.array(z.string()),
  items: z.array(issueItem).optional(),
});
export type Issue = Wire<typeof issue>;
/** The issues of a year (or all), newest first, without their reports; 'create' when the reader may start one. */
export const issueList = listOf(issue);
export type IssueList = Wire<typeof issueList>;

export const credit = z.object({
  year: z.number(),
  quota: z.number(),
  /** reports (篇) submitted and adopted at least once */
  submitted: z.number(),
  adopted: z.number(),
  /** adoption records (次): one per level and channel; the sum of adoptedByLevel */
  adoptions: z.number(),
  instructed: z.number(),
  adoptedByLevel: byLevel,
  instructedByLevel: byLevel,
});
export type Credit = Wire<typeof credit>;

export const opinionStats = z.object({
  year: z.number(),
  quota: z.number(),
  /** reports (篇): submitted, adopted at least once (directly or combined), declined, combined */
  submitted: z.number(),
  adopted: z.number(),
  declined: z.number(),
  combined: z.number(),
  /** adoption records and instructions (次), each the sum of its levels */
  adoptions: z.number(),
  instructions: z.number(),
  /** reports adopted at each level (a report adopted at two levels is in both) */
  byLevel,
  adoptionsByLevel: byLevel,
  instructionsByLevel: byLevel,
  byAuthor: z.array(z.object({ memberId: z.string(), name: z.string(), sector: z.string(), submitted: z.number(), adopted: z.number(), adoptions: z.number(), instructed: z.number(), quotaMet: z.boolean(), adoptedByLevel: byLevel })),
  bySector: z.array(z.object({ sector: z.string(), members: z.number(), submitted: z.number(), adopted: z.number(), adoptions: z.number(), instructed: z.number() })),
  byCategory: z.array(z.object({ category: z.string(), submitted: z.number(), adopted: z.number() })),
});
export type OpinionStats = Wire<typeof opinionStats>;
