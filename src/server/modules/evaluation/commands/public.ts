import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database, Executor } from '../../../db/client.js';
import { systemActor, type Actor } from '../../../platform/auth/actor.js';
import { audit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors.js';
import { inTransaction } from '../../../platform/jobs/after-commit.js';
import { admitByAddress } from '../../../platform/public-forms/guard.js';
import { getSettings } from '../../../platform/settings/settings.js';
import { chinaToday } from '../../../platform/calendar/workdays.js';
import type { responseInput } from '../../../../shared/evaluation/inputs.js';
import { ballotChoices } from '../../../../shared/evaluation/labels.js';
import { loadLookups } from '../../org/lookups.js';
import { committeeOf } from '../../opinions/committees.js';
import { evaluationCampaigns, evaluationParticipation, evaluationRepresentatives } from '../schema.js';
import { evaluationSettings } from '../settings.js';
import type { Campaign } from '../workflow.js';
import { castBallot } from './responses.js';
import { invitationHash, type Representative } from './representatives.js';

/** The cookie a browser answers the portal's questionnaire under (random, only its hash is stored). */
export const deviceCookie = 'sl_eval_device';
export const newDeviceId = () => randomBytes(18).toString('base64url');
export const deviceHash = (id: string) => createHash('sha256').update(`shangliang-evaluation-device:${id}`).digest('hex');

/** The audit rows of ballots without an account name no one: a kind of respondent, never a person. */
const anonymous = (committeeId: string, name: string): Actor => ({ ...systemActor(committeeId), name, roles: [] });

const invalidLink = () => new AppError('not_found', '评议链接无效或已收回，请向政协办公室索取新的链接');

/** The questionnaire's shape for the portal: what to answer, on which departments, what this respondent has done. */
async function questionnaireOf(db: Executor, c: Campaign, done: Set<string>, open: boolean) {
  const lookups = await loadLookups(db, c.committeeId);
  const departments = c.unitIds.map((unitId) => ({ unitId, name: lookups.units.byId.get(unitId) ?? '', responded: done.has(unitId) }));
  return {
    id: c.id, title: c.title, year: c.year, open, closesOn: c.phases.surveying.to, choices: ballotChoices,
    indicators: c.indicators.map(({ key, label }) => ({ key, label })), departments, respondedCount: departments.filter((d) => d.responded).length,
  };
}

/** The representative a token belongs to, with their campaign; an unknown or revoked token is not found. */
async function invitationOf(db: Executor, token: string): Promise<{ rep: Representative; c: Campaign }> {
  const [row] = await db
    .select({ rep: evaluationRepresentatives, c: evaluationCampaigns })
    .from(evaluationRepresentatives)
    .innerJoin(evaluationCampaigns, eq(evaluationCampaigns.id, evaluationRepresentatives.campaignId))
    .where(eq(evaluationRepresentatives.tokenHash, invitationHash(token)));
  if (!row || row.rep.revokedAt) throw invalidLink();
  return row as { rep: Representative; c: Campaign };
}

/** A representative may answer while the questionnaire is open (调查走访), like the invited members. */
const repOpen = (c: Campaign) => c.status === 'surveying';

/**
 * 特邀群众代表's questionnaire by their personal link: the campaign, the departments and which of
 * them they have answered on. Nothing of who they are is sent back (a forwarded link shows no name).
 */
export async function invitationQuestionnaire(db: Executor, token: string) {
  const { rep, c } = await invitationOf(db, token);
  const done = await db.select({ unitId: evaluationParticipation.unitId }).from(evaluationParticipation).where(and(eq(evaluationParticipation.campaignId, c.id), eq(evaluationParticipation.representativeId, rep.id)));
  const committee = await committeeOf(db, c.committeeId);
  return { ...(await questionnaireOf(db, c, new Set(done.map((d) => d.unitId)), repOpen(c))), committeeName: committee.name };
}

/** A representative's secret ballot on one department, by their link: counted as 特邀群众代表. */
export async function respondByInvitation(database: Database, token: string, d: z.output<typeof responseInput>, today: string) {
  return inTransaction(database, async (uow) => {
    const { rep, c } = await invitationOf(uow.tx, token);
    if (!repOpen(c)) throw AppError.invalidState('问卷不在填写期间：调查走访阶段才能填写');
    await castBallot(uow.tx, c, d, { kind: 'representative', representativeId: rep.id }, today);
    await audit(uow.tx, anonymous(c.committeeId, '特邀群众代表'), { action: 'evaluationCampaign.respondRepresentative', subjectType: 'evaluationCampaign', subjectId: c.id, after: { unitId: d.unitId } });
    return { unitId: d.unitId, responded: true };
  });
}

/** The public may answer: the campaign opens it, the questionnaire is open and today is within the 调查走访 dates. */
export const publicOpen = (c: Campaign, today: string) => c.publicOpen && c.status === 'surveying' && c.phases.surveying.from <= today && today <= c.phases.surveying.to;

/**
 * 门户公众评议: the committee's campaigns open to the public today, each with its departments and
 * which of them this browser has answered on.
 */
export async function portalQuestionnaires(db: Executor, committeeId: string, device: string | null, today: string) {
  const rows = ((await db
    .select()
    .from(evaluationCampaigns)
    .where(and(eq(evaluationCampaigns.committeeId, committeeId), eq(evaluationCampaigns.publicOpen, true), eq(evaluationCampaigns.status, 'surveying')))
    .orderBy(asc(evaluationCampaigns.createdAt))) as Campaign[]).filter((c) => publicOpen(c, today));
  const done = device && rows.length
    ? await db.select({ campaignId: evaluationParticipation.campaignId, unitId: evaluationParticipation.unitId }).from(evaluationParticipation).where(and(eq(evaluationParticipation.deviceHash, deviceHash(device)), inArray(evaluationParticipation.campaignId, rows.map((c) => c.id))))
    : [];
  return { items: await Promise.all(rows.map((c) => questionnaireOf(db, c, new Set(done.filter((x) => x.campaignId === c.id).map((x) => x.unitId)), true))) };
}

/**
 * One public ballot on one department through the portal: only while the campaign is open to the
 * public; one per department per browser (its cookie, hashed) and a ceiling per address an hour
 * (the 民主评议 setting), both refused in Chinese. Counted as 社会公众, apart from members'.
 */
export async function respondPublic(database: Database, campaignId: string, d: z.output<typeof responseInput>, device: string, address: string, now: Date) {
  const today = chinaToday(now);
  return inTransaction(database, async (uow) => {
    const [c] = (await uow.tx.select().from(evaluationCampaigns).where(eq(evaluationCampaigns.id, campaignId)).for('share')) as Campaign[];
    if (!c || !c.publicOpen) throw AppError.notFound('公众评议问卷');
    if (!publicOpen(c, today)) throw AppError.invalidState('公众评议不在开放期间，感谢您的关注');
    const rules = await getSettings(uow.tx, evaluationSettings, c.committeeId, c.year);
    await castBallot(uow.tx, c, d, { kind: 'public', deviceHash: deviceHash(device) }, today);
    await admitByAddress(uow.tx, { committeeId: c.committeeId, form: 'evaluation', address, now, perHour: rules.publicPerAddressPerHour, what: '评议问卷' });
    await audit(uow.tx, anonymous(c.committeeId, '社会公众'), { action: 'evaluationCampaign.respondPublic', subjectType: 'evaluationCampaign', subjectId: c.id, after: { unitId: d.unitId } });
    return { unitId: d.unitId, responded: true };
  });
}
