import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Tx } from '../../../db/client.js';
import type { Actor } from '../../../platform/auth/actor.js';
import type { CommandContext } from '../../../platform/commands/context.js';
import { audit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors.js';
import { inTransaction } from '../../../platform/jobs/after-commit.js';
import { members } from '../../members/schema.js';
import { isProposalStaff } from '../policy.js';
import { proposals } from '../schema.js';
import type { ImportRow } from './columns.js';
import { parseProposer, splitSections } from './content.js';
import { readImportRows } from './read-rows.js';

export interface ImportResult {
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  /** rows whose first proposer is a member of this committee (linked), the rest keep the name as text */
  linkedToMembers: number;
}

/** The fields an imported row sets; compared on re-import to tell an update from an unchanged row. */
const compared = ['title', 'category', 'proposerText', 'authorType', 'collectiveBody', 'leadMemberId', 'background', 'analysis', 'suggestions', 'sourceRef', 'numberText', 'originCommittee'] as const;
type Fields = Pick<typeof proposals.$inferInsert, (typeof compared)[number] | 'submittedAt'>;

/** Published times are Beijing time. */
const beijing = (t: string | undefined) => (t ? new Date(`${t.replace(' ', 'T')}${t.length <= 10 ? 'T00:00:00' : ''}+08:00`) : null);

function fieldsOf(r: ImportRow, memberByName: Map<string, string | null>, origin: string | null): Fields {
  const who = parseProposer(r.personnel_name);
  return {
    title: r.reason,
    category: r.type,
    proposerText: r.personnel_name,
    authorType: who.authorType,
    collectiveBody: who.collectiveBody,
    // linked only when exactly one member of the committee bears the name
    leadMemberId: who.firstName ? memberByName.get(who.firstName) ?? null : null,
    ...splitSections(r.content),
    sourceRef: r.pkid ?? null,
    numberText: `${r.year}年 第${String(r.proposal_number).padStart(4, '0')}号`,
    submittedAt: beijing(r.publish_time),
    // a row's own column wins over the list's; none means the committee's own past proposals
    originCommittee: r.committee_name || origin || null,
  };
}

async function membersByName(tx: Tx, committeeId: string) {
  const rows = await tx.select({ id: members.id, name: members.name }).from(members).where(eq(members.committeeId, committeeId));
  const byName = new Map<string, string | null>();
  for (const m of rows) byName.set(m.name, byName.has(m.name) ? null : m.id);
  return byName;
}

/**
 * 往年提案导入: a past year's published proposal list becomes the committee's historical records
 * (status 已办结, original number and proposer kept), so the similar-proposal finder shows them
 * while members write and staff review. Every row is checked before anything is written; then
 * all rows go in one transaction with one audit row. Re-importing the same list changes nothing:
 * a proposal is identified by its year and original number (a unique index guards it).
 * `origin` names the committee whose list it is when not this one (来源政协, e.g. 江苏省政协), so
 * the similar-proposal panels can say where a past proposal comes from.
 */
export async function importProposals({ database, actor, today }: CommandContext, { file, source = 'CSV', origin = null }: { file: Buffer | string; source?: string; origin?: string | null }): Promise<ImportResult> {
  if (!isProposalStaff(actor)) throw AppError.forbidden('只有提案委工作人员或系统管理员可以导入往年提案');
  const rows = readImportRows(file, Number(today.slice(0, 4)));
  return inTransaction(database, async ({ tx }) => {
    // two imports of one committee at once must not both insert the same number
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'proposal-import:' + actor.committeeId}))`);
    const memberByName = await membersByName(tx, actor.committeeId);
    const years = [...new Set(rows.map((r) => r.data.year))];
    const existing = await tx
      .select()
      .from(proposals)
      .where(and(eq(proposals.committeeId, actor.committeeId), eq(proposals.historical, true), inArray(proposals.year, years)));
    const byKey = new Map(existing.map((p) => [`${p.year}-${p.number}`, p]));
    const result: ImportResult = { total: rows.length, created: 0, updated: 0, unchanged: 0, linkedToMembers: 0 };
    const fresh: (typeof proposals.$inferInsert)[] = [];
    for (const { data } of rows) {
      const fields = fieldsOf(data, memberByName, origin);
      if (fields.leadMemberId) result.linkedToMembers++;
      const old = byKey.get(`${data.year}-${data.proposal_number}`);
      // a list re-imported without naming its committee keeps the one named before
      if (old && fields.originCommittee === null) fields.originCommittee = old.originCommittee;
      if (!old) {
        fresh.push({ ...fields, committeeId: actor.committeeId, year: data.year, number: data.proposal_number, historical: true, status: 'closed', kind: 'session', proposerConsent: true });
        continue;
      }
      const same = compared.every((k) => (old[k] ?? null) === (fields[k] ?? null)) && (old.submittedAt?.getTime() ?? null) === (fields.submittedAt?.getTime() ?? null);
      if (same) {
        result.unchanged++;
        continue;
      }
      await tx.update(proposals).set({ ...fields, version: old.version + 1, updatedAt: new Date() }).where(eq(proposals.id, old.id));
      result.updated++;
    }
    for (let i = 0; i < fresh.length; i += 200) await tx.insert(proposals).values(fresh.slice(i, i + 200));
    result.created = fresh.length;
    await audit(tx, actor, {
      action: 'proposal.import',
      subjectType: 'committee',
      subjectId: actor.committeeId,
      after: { ...result, years, source, origin },
      note: `导入往年提案：新增${result.created}件，更新${result.updated}件，未变${result.unchanged}件`,
    });
    return result;
  });
}
