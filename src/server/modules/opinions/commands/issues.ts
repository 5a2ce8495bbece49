import { and, asc, eq, inArray, max } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/commands/context.js';
import type { Executor } from '../../../db/client.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { audit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors.js';
import { inTransaction } from '../../../platform/jobs/after-commit.js';
import { authorize, committeeSubject } from '../../../platform/policy/policy.js';
import { updateRecord } from '../../../platform/records/records.js';
import { getSettings } from '../../../platform/settings/settings.js';
import { applyTransition } from '../../../platform/workflow/apply.js';
import { committeeOf, nextInSequence } from '../committees.js';
import { issueLayout } from '../document.js';
import { renderDocument, type DocumentFormat } from '../../../platform/documents/send.js';
import { notifyOpinionAuthors } from '../notices.js';
import { issueCollectionPolicy, issuePolicy } from '../policy.js';
import { opinionIssueItems, opinionIssues, opinions, opinionSends } from '../schema.js';
import { opinionSettings } from '../settings.js';
import { issueWorkflow, sendKinds, type IssueAction, type OpinionIssue } from '../workflow.js';
import { chinaToday } from '../../../platform/calendar/workdays.js';

/** Loads an issue the actor may read, else not-found. */
export async function loadIssue(db: Executor, actor: Actor, id: string): Promise<OpinionIssue> {
  const [issue] = await db.select().from(opinionIssues).where(eq(opinionIssues.id, id));
  if (!issue) throw AppError.notFound('《社情民意》期刊');
  authorize(issuePolicy, 'read', actor, issue);
  return issue;
}

/** The reports of an issue, in order, with the committee each comes from. */
export async function issueItems(db: Executor, issueId: string) {
  const items = await db.select().from(opinionIssueItems).where(eq(opinionIssueItems.issueId, issueId)).orderBy(asc(opinionIssueItems.position));
  if (!items.length) return [];
  const rows = await db.select().from(opinions).where(inArray(opinions.id, items.map((i) => i.opinionId)));
  return items.map((i) => rows.find((o) => o.id === i.opinionId)!).filter(Boolean);
}

/** A new issue, numbered in sequence for the committee and year (期号). */
export async function createIssue({ database, actor, today }: CommandContext, { title }: { title?: string }) {
  authorize(issueCollectionPolicy, 'create', actor, committeeSubject(actor));
  const year = Number(today.slice(0, 4));
  return inTransaction(database, async (uow) => {
    const number = await nextInSequence(uow.tx, `opinion-issue:${actor.committeeId}:${year}`, async () =>
      (await uow.tx.select({ n: max(opinionIssues.number) }).from(opinionIssues).where(and(eq(opinionIssues.committeeId, actor.committeeId), eq(opinionIssues.year, year))))[0].n,
    );
    const [row] = await uow.tx.insert(opinionIssues).values({ committeeId: actor.committeeId, year, number, title: title || `${year}年第${number}期` }).returning();
    await audit(uow.tx, actor, { action: 'opinionIssue.create', subjectType: 'opinionIssue', subjectId: row.id, after: row });
    return row;
  });
}

/**
 * 审核 → 签发 → 印发 (and back to editing). Issuing records that each of the committee's own
 * reports in it went to the configured recipients (区委、区政府…) and tells the authors.
 */
export async function issueAction({ database, actor, today, now }: CommandContext, { id, action, version, signedByName }: { id: string; action: IssueAction; version: number; signedByName?: string }) {
  await loadIssue(database.db, actor, id);
  return applyTransition(database, {
    workflow: issueWorkflow, table: opinionIssues, id, action, actor, version, label: '《社情民意》期刊',
    patch: async (issue: OpinionIssue, uow) => {
      switch (action) {
        case 'approve':
          if ((await issueItems(uow.tx, issue.id)).length === 0) throw AppError.invalidState('本期尚未编入信息');
          return { approvedByName: actor.name, approvedAt: now };
        case 'sign':
          return { signedByName: signedByName ?? actor.name, signedAt: now };
        case 'publish':
          return { publishedAt: now };
        case 'reopen':
          return { approvedByName: null, approvedAt: null, signedByName: null, signedAt: null };
      }
    },
    alsoDo: async (issue: OpinionIssue, _before, uow) => {
      if (action !== 'publish') return;
      const { issueRecipients } = await getSettings(uow.tx, opinionSettings, issue.committeeId, issue.year);
      const own = (await issueItems(uow.tx, issue.id)).filter((o) => o.committeeId === issue.committeeId);
      const sends = own.flatMap((o) =>
        issueRecipients.map((r) => ({ committeeId: o.committeeId, opinionId: o.id, kind: r.kind, targetName: r.name, sentOn: today, issueId: issue.id, recordedByName: actor.name })),
      );
      if (sends.length) await uow.tx.insert(opinionSends).values(sends);
      for (const o of own) await notifyOpinionAuthors(uow.tx, o, `您的社情民意已刊发：${o.title}`, `《社情民意》${issue.title}`);
    },
  });
}

/** 组稿: puts the reports of a draft issue in the given order (every report of the issue, once): `reorderIssue(ctx, { id, version, opinionIds })`. */
export async function reorderIssue({ database, actor }: CommandContext, { id, version, opinionIds }: { id: string; version: number; opinionIds: string[] }) {
  const issue = await loadIssue(database.db, actor, id);
  authorize(issuePolicy, 'compose', actor, issue);
  const current = await database.db.select().from(opinionIssueItems).where(eq(opinionIssueItems.issueId, id));
  const same = current.length === opinionIds.length && new Set(opinionIds).size === opinionIds.length && current.every((c) => opinionIds.includes(c.opinionId));
  if (!same) throw AppError.field('opinionIds', '信息顺序', '须包含本期全部信息且不重复');
  return updateRecord<OpinionIssue>(database, {
    table: opinionIssues, policy: issuePolicy, actor, id, version, action: 'compose', changes: {},
    alsoDo: async (_row, _before, uow) => {
      for (const [i, opinionId] of opinionIds.entries()) {
        await uow.tx.update(opinionIssueItems).set({ position: i + 1 }).where(and(eq(opinionIssueItems.issueId, id), eq(opinionIssueItems.opinionId, opinionId)));
      }
    },
  });
}

/**
 * The issue as a .docx or PDF file in the bulletin's layout (the shared official page), dated the
 * day it was published or signed — a draft not yet signed carries today's date by the app's clock.
 */
export async function issueDocument({ database, actor, today }: CommandContext, { id, format = 'docx' }: { id: string; format?: DocumentFormat }) {
  const issue = await loadIssue(database.db, actor, id);
  authorize(issuePolicy, 'document', actor, issue);
  const [items, committee, settings] = await Promise.all([
    issueItems(database.db, id),
    committeeOf(database.db, issue.committeeId),
    getSettings(database.db, opinionSettings, issue.committeeId, issue.year),
  ]);
  const sources = new Map<string, string>();
  for (const o of items) if (o.committeeId !== issue.committeeId && !sources.has(o.committeeId)) sources.set(o.committeeId, (await committeeOf(database.db, o.committeeId)).shortName);
  const layout = issueLayout({
    committeeName: committee.shortName, periodical: settings.periodical, issueTitle: issue.title, year: issue.year, number: issue.number,
    signedByName: issue.signedByName, date: issue.publishedAt || issue.signedAt ? chinaToday((issue.publishedAt ?? issue.signedAt)!) : today,
    items: items.map((o) => ({ title: o.title, authorText: o.authorText, body: o.body, source: sources.get(o.committeeId) ?? null })),
    recipients: settings.issueRecipients.map((r) => r.name ?? sendKinds[r.kind]),
  });
  return { file: await renderDocument(layout, format), filename: `${settings.periodical}${issue.year}年第${issue.number}期.${format}` };
}
