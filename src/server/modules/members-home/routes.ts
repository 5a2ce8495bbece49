import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, asc, eq } from 'drizzle-orm';
import { chinaToday } from '../../platform/calendar/workdays.js';
import type { Actor } from '../../platform/auth/actor.js';
import { actorOf, contextOf } from '../../platform/http/context.js';
import { authorize, can, committeeSubject } from '../../platform/policy/policy.js';
import { getSettings } from '../../platform/settings/settings.js';
import { members } from '../members/schema.js';
import { specialCommittees } from '../org/schema.js';
import type { Presented } from '../../../shared/http/responses.js';
import { cancelDutyBody, convertSuggestionInput, dutyInput, idParams, rotaQuery, visitInput, yearQuery } from '../../../shared/members-home/inputs.js';
import { dutyCapacities } from '../../../shared/members-home/labels.js';
import { homePaths as paths } from '../../../shared/members-home/paths.js';
import { homeDutyDetail, homeOptions, homeSuggestionConverted, rota, todayDuty, visitLog } from '../../../shared/members-home/responses.js';
import { assignDuty, cancelDuty } from './commands/duties.js';
import { convertSuggestion } from './commands/convert.js';
import { logVisit } from './commands/visits.js';
import { dutySubjectOf, loadDuty, type DutySubject } from './load.js';
import { homeCollectionPolicy, keepsRota } from './policy.js';
import { namesOf, presentDuties, presentVisits } from './presenter.js';
import { dutiesOfMember, rotaOf, visitLogOf, visitsOfDuty } from './queries.js';
import { homeSettings } from './settings.js';

const tags = ['membersHome'];

/** 委员之家: the rota (排班), the duty member's day, the visit log, and converting suggestions. */
export async function homeRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.services.database;
  // read the clock on each request (tests move it)
  const today = () => chinaToday(app.services.now());

  const detail = async (actor: Actor, d: DutySubject): Promise<Presented<typeof homeDutyDetail>> => ({
    ...(await presentDuties(db, actor, [d]))[0]!,
    visits: await presentVisits(db, actor, await visitsOfDuty(db, d.id)),
  });
  const reload = async (actor: Actor, id: string) => detail(actor, await loadDuty(db, actor, id));

  r.get(paths.options, { config: { answers: { homeOptions } }, schema: { tags, summary: '委员之家选项' } }, async (req): Promise<Presented<typeof homeOptions>> => {
    const actor = actorOf(req);
    authorize(homeCollectionPolicy, 'read', actor, committeeSubject(actor));
    const settings = await getSettings(db, homeSettings, actor.committeeId, Number(today().slice(0, 4)));
    const [roster, committees] = await Promise.all([
      db.select({ id: members.id, name: members.name, position: members.position }).from(members).where(and(eq(members.committeeId, actor.committeeId), eq(members.status, 'active'))).orderBy(asc(members.code)),
      db.select({ id: specialCommittees.id, name: specialCommittees.name }).from(specialCommittees).where(and(eq(specialCommittees.committeeId, actor.committeeId), eq(specialCommittees.active, true))).orderBy(asc(specialCommittees.sortOrder)),
    ]);
    return {
      openWeekdays: settings.openWeekdays,
      capacities: Object.entries(dutyCapacities).map(([value, label]) => ({ value, label })),
      members: roster, specialCommittees: committees, keepsRota: keepsRota(actor),
    };
  });

  r.get(paths.duties, { config: { answers: { rota } }, schema: { querystring: rotaQuery, tags, summary: '委员之家值班表' } }, async (req): Promise<Presented<typeof rota>> => {
    const actor = actorOf(req);
    const month = req.query.month ?? today().slice(0, 7);
    const { duties, openDays } = await rotaOf(db, actor, month);
    return { month, openDays, items: await presentDuties(db, actor, duties), actions: can(homeCollectionPolicy, 'create', actor, committeeSubject(actor)) ? ['create'] : [] };
  });
  r.post(paths.duties, { config: { answers: { homeDutyDetail } }, schema: { body: dutyInput, tags, summary: '排班' } }, async (req) => {
    const actor = actorOf(req);
    const row = await assignDuty(contextOf(req), req.body);
    return detail(actor, await dutySubjectOf(db, row));
  });
  r.get(paths.today, { config: { answers: { todayDuty } }, schema: { tags, summary: '我的委员之家值班' } }, async (req): Promise<Presented<typeof todayDuty>> => {
    const actor = actorOf(req);
    const mine = await dutiesOfMember(db, actor, today());
    return { today: today(), duty: mine.today ? await detail(actor, mine.today) : null, upcoming: await presentDuties(db, actor, mine.upcoming) };
  });
  r.get(paths.visits, { config: { answers: { visitLog } }, schema: { querystring: yearQuery, tags, summary: '委员之家接待记录' } }, async (req): Promise<Presented<typeof visitLog>> => {
    const actor = actorOf(req);
    const year = req.query.year ?? Number(today().slice(0, 4));
    const { visits, duties, figures } = await visitLogOf(db, actor, year);
    const names = await namesOf(db, duties.map((d) => d.memberId), []);
    const dutyMember = new Map(duties.map((d) => [d.id, names.member.get(d.memberId) ?? '']));
    const items = (await presentVisits(db, actor, visits)).map((v) => ({ ...v, dutyMemberName: dutyMember.get(v.dutyId) ?? '' }));
    return { year, visits: figures.visits, suggestions: figures.suggestions, converted: figures.converted, items };
  });
  r.get(paths.duty, { config: { answers: { homeDutyDetail } }, schema: { params: idParams, tags, summary: '值班详情' } }, async (req) => reload(actorOf(req), req.params.id));
  r.post(paths.dutyCancel, { config: { answers: { homeDutyDetail } }, schema: { params: idParams, body: cancelDutyBody, tags, summary: '取消值班' } }, async (req) => {
    const actor = actorOf(req);
    await cancelDuty(contextOf(req), { id: req.params.id, ...req.body });
    return reload(actor, req.params.id);
  });
  r.post(paths.dutyVisits, { config: { answers: { homeDutyDetail } }, schema: { params: idParams, body: visitInput, tags, summary: '登记接待' } }, async (req) => {
    const actor = actorOf(req);
    await logVisit(contextOf(req), { dutyId: req.params.id, ...req.body });
    return reload(actor, req.params.id);
  });
  r.post(paths.suggestionConvert, { config: { answers: { homeSuggestionConverted } }, schema: { params: idParams, body: convertSuggestionInput, tags, summary: '工作建议转为提案草稿或社情民意信息' } }, async (req): Promise<Presented<typeof homeSuggestionConverted>> => {
    const actor = actorOf(req);
    const converted = await convertSuggestion(contextOf(req), { id: req.params.id, ...req.body });
    return { ...(await reload(actor, converted.dutyId)), convertedTo: { into: converted.into, id: converted.id } };
  });
}
