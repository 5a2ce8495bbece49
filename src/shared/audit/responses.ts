import { z } from 'zod';
import { instant, type Wire } from '../http/responses.js';

/** What the server answers about the audit trail. */

export const auditEntry = z.object({
  seq: z.number(),
  at: instant,
  actorName: z.string(),
  /** the code, e.g. proposal.file; actionLabel says it in Chinese (提案·立案) */
  action: z.string(),
  actionLabel: z.string(),
  subjectType: z.string(),
  subjectLabel: z.string(),
  /** the record as people name it: 七届五次会议 第0012号《…》, or null when it names none */
  subjectTitle: z.string().nullable(),
  subjectId: z.string(),
  note: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  hash: z.string(),
});
export type AuditEntry = Wire<typeof auditEntry>;

export const auditPage = z.object({ items: z.array(auditEntry), total: z.number() });
export type AuditPage = Wire<typeof auditPage>;

/** The actions found in the trail, with their Chinese names, for the filter. */
export const auditActions = z.object({ items: z.array(z.object({ action: z.string(), label: z.string() })) });
export type AuditActions = Wire<typeof auditActions>;

/** The hash chain's check: the first broken row of each broken chain. */
export const verification = z.object({ intact: z.boolean(), broken: z.array(z.object({ seq: z.number(), reason: z.string().optional() })) });
export type Verification = Wire<typeof verification>;
