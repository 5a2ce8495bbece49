import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import type { Actor } from '../../../platform/auth/actor.js';
import type { CommandContext } from '../../../platform/commands/context.js';
import { users } from '../../../platform/auth/schema.js';
import { AppError } from '../../../platform/errors.js';
import { authorize } from '../../../platform/policy/policy.js';
import { updateRecord } from '../../../platform/records/records.js';
import { notify } from '../../../platform/notifications/notify.js';
import { voidLedger } from '../../../platform/ledger/ledger.js';
import { creditKey } from '../ledger.js';
import { loadProposal, proposalSubjectOf } from '../load.js';
import { proposalPolicy, type ProposalSubject } from '../policy.js';
import { proposals } from '../schema.js';
import type { Proposal } from '../workflow.js';

/**
 * 重点提案 / 优秀提案: staff record the chairs' meeting's choice of key proposals and the leader who
 * leads their handling (领办), and the year's excellent proposals. Both credit the authors.
 */
export async function markProposal({ database, actor, today, now }: CommandContext, { id, version, ...m }: { id: string; version: number; isKey: boolean; leaderUserId?: string | null; isExcellent?: boolean }) {
  const current = await loadProposal(database.db, actor, id);
  authorize(proposalPolicy, 'markKey', actor, current);
  let leaderName: string | null = null;
  if (m.isKey && m.leaderUserId) {
    const [leader] = await database.db.select().from(users).where(eq(users.id, m.leaderUserId));
    if (!leader || leader.committeeId !== actor.committeeId || !leader.roles.includes('leader')) throw AppError.field('leaderUserId', '领办领导', '须为本会领导账号');
    leaderName = leader.displayName;
  }
  const changes = {
    isKey: m.isKey,
    keyLeaderUserId: m.isKey ? m.leaderUserId ?? null : null,
    keyLeaderName: m.isKey ? leaderName : null,
    ...(m.isExcellent !== undefined ? { isExcellent: m.isExcellent } : {}),
  };
  return updateRecord<Proposal, ProposalSubject>(database, {
    table: proposals, policy: proposalPolicy, subjectOf: proposalSubjectOf, actor, id, version, changes, action: 'markKey',
    alsoDo: async (p, before, { tx }) => {
      for (const [flag, kind] of [['isKey', 'proposal.key'], ['isExcellent', 'proposal.excellent']] as const) {
        if (p[flag] && !before[flag]) await creditKey(tx, p, kind, today);
        if (!p[flag] && before[flag]) await voidLedger(tx, { sourceType: 'proposal', sourceId: p.id, kind, at: now });
      }
      if (p.keyLeaderUserId && p.keyLeaderUserId !== before.keyLeaderUserId) {
        await notify(tx, { committeeId: p.committeeId, userIds: [p.keyLeaderUserId!], title: `请领办重点提案：${p.title}`, link: `/proposals/${p.id}` });
      }
    },
  });
}

/** 公开: staff publish a replied proposal on the portal when the proposer consented and every reply may be disclosed. */
export async function publishProposal(database: Database, actor: Actor, id: string, version: number, publish: boolean, disclosable: boolean, now: Date) {
  const current = await loadProposal(database.db, actor, id);
  authorize(proposalPolicy, 'publish', actor, current);
  if (publish && !current.proposerConsent) throw AppError.invalidState('提案人未同意公开');
  if (publish && !disclosable) throw AppError.invalidState('有答复标注为不公开，不能在门户公开');
  return updateRecord<Proposal, ProposalSubject>(database, { table: proposals, policy: proposalPolicy, subjectOf: proposalSubjectOf, actor, id, version, action: 'publish', changes: { publishedAt: publish ? now : null } });
}
