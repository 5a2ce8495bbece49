import { hasRole, type Actor } from '../../../platform/auth/actor.js';
import type { replies } from '../../../platform/handling/schema.js';
import { can, definePolicy } from '../../../platform/policy/policy.js';
import { proposalPolicy, type ProposalSubject } from '../policy.js';
import { isAuthor } from '../workflow.js';
import type { FactsAssignment } from './facts.js';

/** 提案表 | 交办通知书 | 答复函 */
export const documentKinds = { form: '提案表', notice: '交办通知书', reply: '答复函' } as const;
export type DocumentKind = keyof typeof documentKinds;

export type Reply = typeof replies.$inferSelect;
/** A printed document of a proposal: the proposal, and for a notice or reply the assignment and its reply. */
export type DocumentSubject = ProposalSubject & { assignment: FactsAssignment | null; reply: Reply | null };

const printable = (a: Actor, s: DocumentSubject) => can(proposalPolicy, 'document', a, s);
const ownUnit = (a: Actor, s: DocumentSubject) => a.unitId !== null && s.assignment?.unitId === a.unitId;

/**
 * Who prints what. The form: whoever the proposal policy lets print it. A notice goes to its unit
 * and is seen by staff and leaders. A reply letter: its unit at any stage (drafts are printed for
 * sign-off), staff and leaders once signed, the proposer and members once sent. A unit never gets
 * another unit's notice or reply.
 */
export const proposalDocumentPolicy = definePolicy<DocumentSubject, DocumentKind>('proposalDocument', '提案文书', {
  form: [{ roles: ['member', 'staff', 'admin', 'leader', 'unit'], when: printable }],
  notice: [
    { roles: ['staff', 'admin', 'leader'], when: (a, s) => s.assignment !== null && printable(a, s) },
    { roles: ['unit'], when: ownUnit },
  ],
  reply: [
    { roles: ['unit'], when: (a, s) => s.reply !== null && ownUnit(a, s) },
    { roles: ['staff', 'admin', 'leader'], when: (a, s) => s.reply !== null && s.reply.status !== 'draft' && printable(a, s) },
    { roles: ['member'], when: (a, s) => s.reply?.status === 'sent' && printable(a, s) },
  ],
});

/** Phone numbers and review opinions are printed only for those who work on the proposal, as on its page. */
export const seesInternals = (a: Actor, p: ProposalSubject) =>
  hasRole(a, 'staff', 'admin', 'leader') || isAuthor(a, p) || (a.memberId !== null && p.cosignerIds.includes(a.memberId));
export const seesContacts = (a: Actor, p: ProposalSubject) => seesInternals(a, p) || (a.unitId !== null && p.unitIds.includes(a.unitId));
