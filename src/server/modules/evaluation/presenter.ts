import { and, asc, eq, inArray, ne, notInArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { auditLog } from '../../platform/audit/schema.js';
import { isOverdue } from '../../platform/handling/assignments.js';
import { presentAssignments, presentReplies } from '../../platform/handling/presenter.js';
import { contactActionsOf } from '../../platform/handling/contacts.js';
import { assignments, replies } from '../../platform/handling/schema.js';
import { loadCalendar } from '../../platform/calendar/store.js';
import { allowedActions, can, committeeSubject } from '../../platform/policy/policy.js';
import { offeredActions } from '../../platform/workflow/workflow.js';
import { labelOf } from '../../../shared/labels.js';
import { ballotChoices, campaignPhases, campaignStates, findingStates, resultGrades } from '../../../shared/evaluation/labels.js';
import { members } from '../members/schema.js';
import { loadLookups } from '../org/lookups.js';
import { campaignFacts, resultsOf } from './load.js';
import { campaignCollectionPolicy, campaignPolicy, findingPolicy } from './policy.js';
import { findingPort, findingTitle } from './port.js';
import type { CampaignResults } from './results.js';
import { evaluationFindings } from './schema.js';
import { campaignWorkflow, type Campaign, type Finding } from './workflow.js';

/** List rows: title, year, state, how many departments and invited members, what the actor may do. */
export function presentCampaignRow(c: Campaign) {
  return {
    id: c.id, version: c.version, year: c.year, title: c.title, status: c.status, statusLabel: labelOf(campaignStates, c.status),
    departmentCount: c.unitIds.length, invitedCount: c.invitedMemberIds.length, publicOpen: c.publicOpen, phases: c.phases, publishedOn: c.publishedOn, updatedAt: c.updatedAt,
  };
}

/** The phases in order, with their planned dates and whether each is past, current or to come. */
function phasesOf(c: Campaign) {
  const order = Object.keys(campaignStates);
  const at = order.indexOf(c.status);
  return (Object.keys(campaignPhases) as (keyof typeof campaignPhases)[]).map((key) => {
    const n = order.indexOf(key);
    return { key, label: campaignPhases[key], from: c.phases[key].from, to: c.phases[key].to, state: n < at ? 'past' : n === at ? 'current' : 'future' };
  });
}

/** Workflow and record actions the actor may take (buttons come from these), with what blocks the others. */
async function campaignActions(db: Executor, actor: Actor, c: Campaign) {
  const offered = offeredActions(campaignWorkflow, actor, c, await campaignFacts(db, c));
  const record = allowedActions(campaignPolicy, actor, c).filter((a) => a !== 'read');
  return { actions: [...offered.actions, ...record] as string[], blocked: offered.blocked as Record<string, string> };
}

/** Rectification items the actor may read, each with its department, deadline and look-back. */
async function presentFindings(db: Executor, actor: Actor, rows: Finding[], today: string) {
  const readable = rows.filter((f) => can(findingPolicy, 'read', actor, f));
  const ids = readable.map((f) => f.id);
  const live = ids.length ? await db.select().from(assignments).where(and(eq(assignments.subjectType, findingPort.type), inArray(assignments.subjectId, ids), ne(assignments.status, 'withdrawn'))) : [];
  const lookups = readable.length ? await loadLookups(db, readable[0].committeeId) : null;
  return readable.map((f) => {
    const current = live.filter((a) => a.subjectId === f.id && a.round === f.handlingRound);
    return {
      id: f.id, version: f.version, unitId: f.unitId, unitName: lookups?.units.byId.get(f.unitId) ?? '', text: f.text, status: f.status, statusLabel: labelOf(findingStates, f.status),
      handlingRound: f.handlingRound, replyDeadline: current.map((a) => a.replyDeadline).sort()[0] ?? null, overdue: current.some((a) => isOverdue(a, today)),
      recheckNote: f.recheckNote, recheckedOn: f.recheckedOn, createdByName: f.createdByName,
      actions: allowedActions(findingPolicy, actor, f).filter((a) => a !== 'read'),
    };
  });
}

/** the ballots' audit rows: who answered when is no one's business on the campaign's page */
const ballotActions = ['evaluationCampaign.respond', 'evaluationCampaign.respondRepresentative', 'evaluationCampaign.respondPublic'];

const historyLabels: Record<string, string> = {
  ...Object.fromEntries(campaignWorkflow.transitions.map((t) => [`evaluationCampaign.${t.action}`, t.label])),
  'evaluationCampaign.create': '创建评议活动',
  'evaluationCampaign.update': '修改评议活动',
  'evaluationCampaign.addRepresentative': '邀请特邀群众代表',
  'evaluationCampaign.revokeRepresentative': '收回代表评议链接',
  'evaluationCampaign.reissueRepresentative': '重新生成代表评议链接',
};

/**
 * The whole campaign for its page. The history leaves out the ballots (who answered when is no one's
 * business on this page); the invitation list is shown to those who may change it; the
 * participation per department to those who may read the results.
 */
export async function presentCampaign(db: Executor, actor: Actor, c: Campaign, today: string) {
  const lookups = await loadLookups(db, c.committeeId);
  const mayEdit = can(campaignPolicy, 'update', actor, c) || can(campaignCollectionPolicy, 'create', actor, committeeSubject(actor));
  const invited = mayEdit && c.invitedMemberIds.length ? await db.select({ id: members.id, name: members.name }).from(members).where(inArray(members.id, c.invitedMemberIds)).orderBy(asc(members.name)) : [];
  const findingRows = await db.select().from(evaluationFindings).where(eq(evaluationFindings.campaignId, c.id)).orderBy(asc(evaluationFindings.createdAt));
  const history = await db
    .select({ action: auditLog.action, actorName: auditLog.actorName, at: auditLog.at, note: auditLog.note })
    .from(auditLog)
    .where(and(eq(auditLog.subjectType, 'evaluationCampaign'), eq(auditLog.subjectId, c.id), notInArray(auditLog.action, ballotActions)))
    .orderBy(asc(auditLog.at), asc(auditLog.seq));
  return {
    ...presentCampaignRow(c),
    ...(await campaignActions(db, actor, c)),
    departments: c.unitIds.map((id) => ({ unitId: id, name: lookups.units.byId.get(id) ?? '' })),
    indicators: c.indicators,
    phaseList: phasesOf(c),
    proposedOn: c.proposedOn, proposalNote: c.proposalNote, approvedOn: c.approvedOn, approvalNote: c.approvalNote, createdByName: c.createdByName,
    invitedMembers: invited,
    findings: await presentFindings(db, actor, findingRows, today),
    history: history.map((h) => ({ ...h, actionLabel: historyLabels[h.action] ?? h.action })),
  };
}

/**
 * The results as the actor may see them: while the questionnaire is open only the participation
 * (so no one is swayed by early scores); from deliberation on the counts, scores and ranking. Never
 * anything per person: the server holds counts only.
 */
export function presentResults(c: Campaign, r: CampaignResults) {
  const open = c.status === 'surveying';
  return {
    campaignId: c.id, title: c.title, year: c.year, status: c.status, statusLabel: labelOf(campaignStates, c.status), publishedOn: c.publishedOn,
    invited: r.invited, quorum: r.quorum, complete: r.complete, scoresShown: !open,
    indicators: c.indicators, choices: ballotChoices,
    /** members, representatives and the public: each kind's weight in the combined score */
    kinds: (r.departments[0]?.byKind ?? []).map(({ kind, label, weight }) => ({ kind, label, weight })),
    departments: r.departments.map((d) => ({
      unitId: d.unitId, name: d.name, respondents: d.respondents, memberRespondents: d.memberRespondents, quorumMet: d.quorumMet,
      byKind: d.byKind.map((k) => ({ ...k, score: open ? null : k.score })),
      score: open ? null : d.score, rank: open ? null : d.rank, grade: open ? null : d.grade, gradeLabel: open || !d.grade ? '' : resultGrades[d.grade],
      indicators: open ? [] : d.indicators,
    })),
  };
}

/** A rectification item for its page and the handling panel: text, assignments, replies. */
export async function presentFinding(db: Executor, actor: Actor, f: Finding, c: Campaign, today: string) {
  const [row] = await presentFindings(db, actor, [f], today);
  const [live, rs, lookups] = await Promise.all([
    db.select().from(assignments).where(and(eq(assignments.subjectType, findingPort.type), eq(assignments.subjectId, f.id))).orderBy(asc(assignments.createdAt)),
    db.select().from(replies).where(and(eq(replies.subjectType, findingPort.type), eq(replies.subjectId, f.id))).orderBy(asc(replies.createdAt)),
    loadLookups(db, f.committeeId),
  ]);
  const unitName = (id: string | null) => (id ? lookups.units.byId.get(id) ?? '' : '');
  const open = f.status === 'handling' || f.status === 'rehandling';
  return {
    ...row,
    actions: [...row.actions, ...(await contactActionsOf(db, actor, findingPort.type, f.id))],
    title: findingTitle(c.title, f.text),
    campaignId: can(campaignPolicy, 'read', actor, c) ? c.id : null, campaignTitle: c.title,
    assignments: presentAssignments(actor, findingPort, live, unitName, { today, calendar: await loadCalendar(db) }, open),
    replies: presentReplies(actor, rs, unitName),
  };
}

/** Re-exported so routes compute results in one place. */
export { resultsOf };
