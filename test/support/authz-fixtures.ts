import { randomUUID } from 'node:crypto';
import { excellentNominations, keyProposals } from '../../src/server/modules/proposals/key/schema.js';
import { proposalTopics } from '../../src/server/modules/proposals/topics/schema.js';
import { keyActionBodies } from '../../src/shared/proposals/key.js';
import { and, asc, desc, eq, getTableName, isNull, type Table } from 'drizzle-orm';
import type { Database } from '../../src/server/db/client.js';
import type { RouteInfo } from '../../src/server/platform/http/context.js';
import { committees } from '../../src/server/platform/tenancy/schema.js';
import { users } from '../../src/server/platform/auth/schema.js';
import { notifications } from '../../src/server/platform/notifications/schema.js';
import { attachments } from '../../src/server/platform/attachments/schema.js';
import { assignments, instructions, replies } from '../../src/server/platform/handling/schema.js';
import { activities, activityFiles, leaveRequests } from '../../src/server/platform/activity/schema.js';
import { parties, plenarySessions, sectors, specialCommittees, streetGroups, studios, terms, units } from '../../src/server/modules/org/schema.js';
import { members } from '../../src/server/modules/members/schema.js';
import { proposals } from '../../src/server/modules/proposals/schema.js';
import { opinionContactPoints, opinionIssues, opinions, opinionSends } from '../../src/server/modules/opinions/schema.js';
import { plenarySpeeches } from '../../src/server/modules/meetings/schema.js';
import { outreachContacts, outreachDeeds, outreachPartners, outreachServices } from '../../src/server/modules/outreach/schema.js';
import { consultationCouncilItems, consultationCouncilParticipants, consultationCouncils, consultationParticipants, consultationPlans, consultationRecommendations, consultationRoomPolls, consultationRoomPosts, consultationRooms, consultations, consultationTopics } from '../../src/server/modules/consultation/schema.js';
import { specialSupervisors, supervisionGroups, supervisionSuggestions, supervisionTopics } from '../../src/server/modules/supervision/schema.js';
import { evaluationCampaigns, evaluationFindings, evaluationRepresentatives } from '../../src/server/modules/evaluation/schema.js';
import { livelihoodRequests } from '../../src/server/modules/requests/schema.js';
import { publicChallenges } from '../../src/server/platform/public-forms/schema.js';
import { requestActionBodies } from '../../src/shared/requests/inputs.js';
import { DEMO_PASSWORD } from '../../src/server/demo/seed.js';
import { actionBodies as proposalActions } from '../../src/shared/proposals/inputs.js';
import { actionBodies as opinionActions } from '../../src/shared/opinions/inputs.js';
import { suggestionActionBodies } from '../../src/shared/supervision/inputs.js';
import { planActionBodies, topicActionBodies } from '../../src/shared/consultation/inputs.js';
import { postActionBodies, roomActionBodies } from '../../src/shared/consultation/room-inputs.js';
import { councilActionBodies } from '../../src/shared/consultation/council-inputs.js';
import { campaignActionBodies } from '../../src/shared/evaluation/inputs.js';
import { reportActionBodies } from '../../src/shared/research/inputs.js';
import { researchItems, researchTopics } from '../../src/server/modules/research/schema.js';
import { newsPosts } from '../../src/server/modules/news/schema.js';
import { studioQuestions } from '../../src/server/modules/studios/schema.js';
import { questionActionBodies } from '../../src/shared/studios/inputs.js';
import { homeDuties, homeSuggestions } from '../../src/server/modules/members-home/schema.js';
import { learningItems, readingCheckins, readingGroups } from '../../src/server/modules/learning/schema.js';
import { itemActionBodies as learningItemActions } from '../../src/shared/learning/inputs.js';
import { chinaToday } from '../../src/server/platform/calendar/workdays.js';
import { client, type Client, type TestApp } from './app.js';
import { ok, reviewed, sampleDraft } from './proposals.js';
import { sampleOpinion } from './opinions.js';
import { upload } from './upload.js';

/**
 * Real records of one committee for the authorisation matrix, keyed by the kind of record a route
 * parameter (or a body field) names. Built through the API as the committee's own users would
 * (so 福田区, whose demo data has only reports, gets the same kinds as 龙岗区), then read back
 * from the tables, so every id is of the right type and the right committee.
 */
export const recordTables = {
  proposal: proposals, draft: proposals, proposalAttachment: attachments, draftAttachment: attachments,
  keyProposal: keyProposals, excellentNomination: excellentNominations, proposalTopic: proposalTopics,
  assignment: assignments, reply: replies,
  opinion: opinions, opinionDraft: opinions, opinionPassed: opinions, opinionSentUp: opinions, opinionAttachment: attachments, opinionDraftAttachment: attachments, instruction: instructions, issue: opinionIssues, contactPoint: opinionContactPoints,
  activity: activities, activityElsewhere: activities, jointActivity: activities, district: committees, activityFile: activityFiles, activityElsewhereFile: activityFiles, leave: leaveRequests, speech: plenarySpeeches,
  partner: outreachPartners, contact: outreachContacts, deed: outreachDeeds, service: outreachServices, council: consultationCouncils, councilParticipant: consultationCouncilParticipants, councilItem: consultationCouncilItems,
  consultationTopic: consultationTopics, consultationPlan: consultationPlans, consultation: consultations, consultationParticipant: consultationParticipants, consultationItem: consultationRecommendations,
  consultationRoom: consultationRooms, consultationRoomPost: consultationRoomPosts, consultationRoomPoll: consultationRoomPolls,
  researchTopic: researchTopics, researchAttachment: attachments, researchItem: researchItems,
  supervisionGroup: supervisionGroups, supervisor: specialSupervisors, supervisionTopic: supervisionTopics, supervisionSuggestion: supervisionSuggestions,
  evaluationCampaign: evaluationCampaigns, evaluationFinding: evaluationFindings, evaluationRepresentative: evaluationRepresentatives,
  livelihoodRequest: livelihoodRequests, requestPhoto: attachments,
  newsPost: newsPosts, newsAttachment: attachments,
  studioQuestion: studioQuestions,
  homeDuty: homeDuties, homeSuggestion: homeSuggestions,
  learningItem: learningItems, readingGroup: readingGroups, readingCheckin: readingCheckins,
  notification: notifications, member: members, member2: members, user: users, term: terms, session: plenarySessions,
  sectors, 'special-committees': specialCommittees, parties, 'street-groups': streetGroups, studios, units,
} satisfies Record<string, Table>;
export type RecordKind = keyof typeof recordTables;
export type Records = Record<RecordKind, string> & { committee: string; prefix: '' | 'ft_' };
/**
 * The city committee's own records: only the kinds a city without members' proposals or handling
 * units has (organisation, a roster entry, an account, an event, reports of its own, an issue).
 */
export type CityRecords = Partial<Record<RecordKind, string>> & { committee: string; prefix: 'city_' };
/** Any of the above: a variant is sent against a set only when the set has every kind its path names. */
export type RecordSet = Records | CityRecords;

/**
 * The users each committee's records are built by and tested with (usernames without the prefix):
 * `unit` (区教育局) handles the fixtures' proposal, `unit3` (区水务局) the report passed on, and
 * `unit2` (区住房建设局) neither.
 */
export const committeeRoles = ['admin', 'staff', 'info', 'roster', 'office', 'leader', 'member', 'member2', 'member3', 'unit', 'unit2', 'unit3', 'secadmin', 'auditor'] as const;

/** A year no demo consultation plan uses, so each committee's fixtures build a plan of their own. */
const FIXTURE_YEAR = 2032;

/** The id no record has: what a made-up id looks like. */
export const GHOST_ID = '00000000-0000-4000-8000-000000000000';

/** Which record a path parameter names, by the route's path (first match wins). */
export const paramKinds: [RegExp, string, RecordKind | ((values: Record<string, string>) => RecordKind)][] = [
  [/^\/api\/notifications\/:id/, 'id', 'notification'],
  [/^\/api\/org\/terms\/:id/, 'id', 'term'],
  [/^\/api\/org\/sessions\/:id/, 'id', 'session'],
  [/^\/api\/org\/:kind\/:id/, 'id', (v) => v.kind as RecordKind],
  [/^\/api\/members\/:id/, 'id', 'member'],
  [/^\/api\/users\/:id/, 'id', 'user'],
  [/^\/api\/proposals\/key-proposals\/by-activity\/:id/, 'id', 'activity'],
  [/^\/api\/proposals\/key-proposals\/:id/, 'id', 'keyProposal'],
  [/^\/api\/proposals\/excellent\/:id/, 'id', 'excellentNomination'],
  [/^\/api\/proposals\/topics\/:id/, 'id', 'proposalTopic'],
  [/^\/api\/proposals\/:id\/attachments\/:attachmentId/, 'attachmentId', 'proposalAttachment'],
  [/^\/api\/proposals\/:id/, 'id', 'proposal'],
  [/^\/api\/opinions\/issues\/:id/, 'id', 'issue'],
  [/^\/api\/opinions\/contact-points\/:id/, 'id', 'contactPoint'],
  [/^\/api\/opinions\/:id\/attachments\/:attachmentId/, 'attachmentId', 'opinionAttachment'],
  [/^\/api\/opinions\/:id\/instructions\/:instructionId/, 'instructionId', 'instruction'],
  [/^\/api\/opinions\/:id/, 'id', 'opinion'],
  [/^\/api\/handling\/assignments\/:id/, 'id', 'assignment'],
  [/^\/api\/handling\/replies\/:id/, 'id', 'reply'],
  [/^\/api\/meetings\/leave\/:id/, 'id', 'leave'],
  [/^\/api\/meetings\/speeches\/:id/, 'id', 'speech'],
  [/^\/api\/meetings\/:id\/files\/:fileId/, 'fileId', 'activityFile'],
  [/^\/api\/meetings\/:id\/attendance\/:memberId/, 'memberId', 'member'],
  [/^\/api\/meetings\/:id/, 'id', 'activity'],
  [/^\/api\/performance\/members\/:memberId/, 'memberId', 'member'],
  [/^\/api\/joint\/activities\/:id\/attendance\/:memberId/, 'memberId', 'member'],
  [/^\/api\/joint\/activities\/:id\/districts\/:committeeId/, 'committeeId', 'district'], // a district's part of the city's joint event
  [/^\/api\/joint\/activities\/:id/, 'id', 'jointActivity'],
  [/^\/api\/joint\/districts\/:committeeId/, 'committeeId', 'district'],
  [/^\/api\/outreach\/partners\/:id/, 'id', 'partner'],
  [/^\/api\/outreach\/contacts\/:id/, 'id', 'contact'],
  [/^\/api\/outreach\/deeds\/:id/, 'id', 'deed'],
  [/^\/api\/outreach\/services\/:id/, 'id', 'service'],
  [/^\/api\/consultation\/topics\/:id/, 'id', 'consultationTopic'],
  [/^\/api\/consultation\/plans\/:id\/items\/:itemId/, 'itemId', 'consultation'],
  [/^\/api\/consultation\/plans\/:id/, 'id', 'consultationPlan'],
  [/^\/api\/consultation\/consultations\/:id\/participants\/:participantId/, 'participantId', 'consultationParticipant'],
  [/^\/api\/consultation\/consultations\/:id/, 'id', 'consultation'],
  [/^\/api\/consultation\/items\/:id/, 'id', 'consultationItem'],
  [/^\/api\/consultation\/rooms\/:id/, 'id', 'consultationRoom'],
  [/^\/api\/consultation\/room-posts\/:id/, 'id', 'consultationRoomPost'],
  [/^\/api\/consultation\/room-polls\/:id/, 'id', 'consultationRoomPoll'],
  [/^\/api\/portal\/rooms\/:id/, 'id', 'consultationRoom'],
  [/^\/api\/consultation\/councils\/:id\/participants\/:participantId/, 'participantId', 'councilParticipant'],
  [/^\/api\/consultation\/councils\/:id\/items\/:itemId/, 'itemId', 'councilItem'],
  [/^\/api\/consultation\/councils\/:id/, 'id', 'council'],
  [/^\/api\/portal\/councils\/:id/, 'id', 'council'],
  [/^\/api\/research\/topics\/:id\/report\/attachments\/:attachmentId/, 'attachmentId', 'researchAttachment'],
  [/^\/api\/research\/topics\/:id/, 'id', 'researchTopic'],
  [/^\/api\/research\/items\/:id/, 'id', 'researchItem'],
  [/^\/api\/supervision\/groups\/:id/, 'id', 'supervisionGroup'],
  [/^\/api\/supervision\/supervisors\/:id/, 'id', 'supervisor'],
  [/^\/api\/supervision\/topics\/:id/, 'id', 'supervisionTopic'],
  [/^\/api\/supervision\/suggestions\/:id/, 'id', 'supervisionSuggestion'],
  [/^\/api\/evaluation\/campaigns\/:id/, 'id', 'evaluationCampaign'],
  [/^\/api\/evaluation\/findings\/:id/, 'id', 'evaluationFinding'],
  [/^\/api\/evaluation\/representatives\/:id/, 'id', 'evaluationRepresentative'],
  [/^\/api\/portal\/proposals\/:id/, 'id', 'proposal'],
  [/^\/api\/(portal\/)?news\/:id\/attachments\/:attachmentId/, 'attachmentId', 'newsAttachment'],
  [/^\/api\/(portal\/)?news\/:id/, 'id', 'newsPost'],
  [/^\/api\/requests\/:id\/photos\/:attachmentId/, 'attachmentId', 'requestPhoto'],
  [/^\/api\/requests\/:id/, 'id', 'livelihoodRequest'],
  [/^\/api\/members-home\/duties\/:id/, 'id', 'homeDuty'],
  [/^\/api\/members-home\/suggestions\/:id/, 'id', 'homeSuggestion'],
  [/^\/api\/studios\/questions\/:id/, 'id', 'studioQuestion'],
  [/^\/api\/learning\/items\/:id/, 'id', 'learningItem'],
  [/^\/api\/learning\/groups\/:id/, 'id', 'readingGroup'],
  [/^\/api\/learning\/checkins\/:id/, 'id', 'readingCheckin'],
  [/^\/api\/(portal\/)?studios\/:id/, 'id', 'studios'],
];
/** Routes that parse their body per path value (each workflow action its own schema) rather than with one schema. */
export const bodiesByValue: [RegExp, string, Record<string, unknown>][] = [
  [/^\/api\/proposals\/:id\/actions\/:action$/, 'action', proposalActions],
  [/^\/api\/proposals\/key-proposals\/:id\/actions\/:action$/, 'action', keyActionBodies],
  [/^\/api\/opinions\/:id\/actions\/:action$/, 'action', opinionActions],
  [/^\/api\/supervision\/suggestions\/:id\/actions\/:action$/, 'action', suggestionActionBodies],
  [/^\/api\/consultation\/topics\/:id\/actions\/:action$/, 'action', topicActionBodies],
  [/^\/api\/consultation\/plans\/:id\/actions\/:action$/, 'action', planActionBodies],
  [/^\/api\/consultation\/rooms\/:id\/actions\/:action$/, 'action', roomActionBodies],
  [/^\/api\/consultation\/room-posts\/:id\/actions\/:action$/, 'action', postActionBodies],
  [/^\/api\/consultation\/councils\/:id\/actions\/:action$/, 'action', councilActionBodies],
  [/^\/api\/evaluation\/campaigns\/:id\/actions\/:action$/, 'action', campaignActionBodies],
  [/^\/api\/requests\/:id\/actions\/:action$/, 'action', requestActionBodies],
  [/^\/api\/research\/topics\/:id\/report\/actions\/:action$/, 'action', reportActionBodies],
  [/^\/api\/studios\/questions\/:id\/actions\/:action$/, 'action', questionActionBodies],
  [/^\/api\/learning\/items\/:id\/actions\/:action$/, 'action', learningItemActions],
];

/** Path parameters that name no record and are no enum: the value to use. */
export const fixedParams: Record<string, string> = {
  module: 'proposals',
  // a representative's personal link: well-formed, unknown (only its hash would be stored)
  token: 'A'.repeat(32),
};

/** One request shape: a route with its enum path parameters fixed, and what each record parameter names. */
export interface Variant {
  route: RouteInfo;
  label: string;
  values: Record<string, string>;
  kinds: Record<string, RecordKind>;
}

/** The values of an enum path parameter (each workflow action, each catalog), or null. */
export function enumValues(route: RouteInfo, param: string): string[] | null {
  const def = (route.schema?.params as any)?._zod?.def?.shape?.[param]?._zod?.def;
  return def?.type === 'enum' ? (Object.values(def.entries) as string[]) : null;
}

/**
 * Expands the route table into variants (every value of each enum path parameter); `unresolved`
 * lists parameters no fixture fills.
 */
export function variantsOf(routes: RouteInfo[]): { variants: Variant[]; unresolved: string[] } {
  const variants: Variant[] = [];
  const unresolved: string[] = [];
  for (const route of routes) {
    const params = [...route.url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]);
    let combos: Record<string, string>[] = [{}];
    for (const p of params) {
      const values = enumValues(route, p) ?? (fixedParams[p] ? [fixedParams[p]] : null);
      if (values) combos = combos.flatMap((c) => values.map((v) => ({ ...c, [p]: v })));
    }
    for (const values of combos) {
      const kinds: Record<string, RecordKind> = {};
      for (const p of params.filter((x) => !(x in values))) {
        const rule = paramKinds.find(([re, name]) => name === p && re.test(route.url));
        if (!rule) {
          unresolved.push(`${route.method} ${route.url} :${p}`);
          continue;
        }
        kinds[p] = typeof rule[2] === 'function' ? rule[2](values) : rule[2];
      }
      const fixed = Object.entries(values).map(([k, v]) => `${k}=${v}`).join(',');
      variants.push({ route, values, kinds, label: `${route.method} ${route.url}${fixed ? ` [${fixed}]` : ''}` });
    }
  }
  return { variants, unresolved };
}

/**
 * The variant's path: its enum values, and for each record parameter the id `idOf` gives (a made-up
 * one where it gives none). The matrix, the fuzzer and the CSRF test all fill paths this way.
 */
export function pathOf(v: Variant, idOf: (param: string) => string | undefined): string {
  return v.route.url.replace(/:([A-Za-z]+)/g, (_, p: string) => v.values[p] ?? idOf(p) ?? GHOST_ID);
}

let loginAddress = 0;
/**
 * Logs a demo account in once. Logins are limited to 20 a minute per client address, so each batch
 * of accounts logs in from its own (loopback-range) address; the session is the database's, the
 * same on every address.
 */
export async function login(t: TestApp, username: string): Promise<Client> {
  const remoteAddress = `127.0.${1 + Math.floor(loginAddress++ / 15)}.1`;
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD }, remoteAddress });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.body}`);
  return client(t.app, String(res.headers['set-cookie']).split(';')[0], res.json().csrfToken);
}

const first = async <T>(rows: Promise<T[]>, what: string): Promise<T> => {
  const [row] = await rows;
  if (!row) throw new Error(`no ${what} in the fixtures`);
  return row;
};

/** Builds the missing records through the API as `as(role)` of the committee, then reads them all back. */
export async function buildRecords(t: Pick<TestApp, 'database'>, prefix: '' | 'ft_', as: (role: (typeof committeeRoles)[number]) => Client): Promise<Records> {
  const { db } = t.database;
  const [member, member2, staff, info, office, unit, leader] = [as('member'), as('member2'), as('staff'), as('info'), as('office'), as('unit'), as('leader')];
  const me = (await ok(member.get('/api/auth/me'))).user;
  const committee: string = me.committee.id;
  const memberId: string = me.memberId;
  const member2Id: string = (await ok(member2.get('/api/auth/me'))).user.memberId;
  const unitRow = await first(db.select().from(units).where(and(eq(units.committeeId, committee), eq(units.name, '区教育局'))), '区教育局');
  const waterRow = await first(db.select().from(units).where(and(eq(units.committeeId, committee), eq(units.name, '区水务局'))), '区水务局');
  const file = (name: string) => upload(name, Buffer.from(`${prefix}授权矩阵测试附件`, 'utf8'));

  // 提案: filed with an attachment, assigned to 区教育局, signed, a reply drafted; a draft with an attachment
  let p = await ok(member.post('/api/proposals', { ...sampleDraft, title: `${prefix}关于授权矩阵已立案提案的建议` }));
  await ok(member.request({ method: 'POST', url: `/api/proposals/${p.id}/attachments`, ...file('调研报告.txt') }));
  p = await ok(member.get(`/api/proposals/${p.id}`));
  p = await ok(member.post(`/api/proposals/${p.id}/actions/submit`, { version: p.version }));
  p = await reviewed(staff, p);
  p = await ok(staff.post(`/api/proposals/${p.id}/actions/file`, { version: p.version }));
  p = await ok(staff.post(`/api/proposals/${p.id}/assign`, { version: p.version, assignments: [{ unitId: unitRow.id, role: 'sole' }] }));
  const assignment = p.assignments[0];
  await ok(unit.post(`/api/handling/assignments/${assignment.id}/sign`, { version: assignment.version }));
  await ok(unit.post('/api/handling/replies', { type: 'proposal', subjectId: p.id, answerClass: 'B', body: '经研究，我局已会同交警部门制定校园周边交通综合治理方案，正在分步实施。', contactPerson: '李老师', contactPhone: '0755-28949000', disclose: true , promise: '年内完成校园周边交通综合治理第一阶段工程', promisedBy: '2099-12-31' }));
  // 重点提案督办 and 优秀提案: the filed proposal shortlisted (拟重点) and nominated by the proposal office
  const keyProposal = (await ok(staff.post('/api/proposals/key-proposals', { proposalId: p.id, note: '事关学生安全，建议列为重点提案' }))).key;
  const nomination = (await ok(staff.post('/api/proposals/excellent', { proposalId: p.id, source: 'office', reason: '建议具体可行' }))).excellent;
  // 提案参考选题: a draft of the proposal office (members see it only once published)
  const topicYear = (await ok(staff.get('/api/proposals/topics'))).year;
  const proposalTopic = await ok(staff.post('/api/proposals/topics', { year: topicYear, title: `${prefix}授权矩阵参考选题`, explanation: '授权矩阵测试', category: sampleDraft.category }));
  const draft = await ok(member.post('/api/proposals', { ...sampleDraft, title: `${prefix}尚未提交的授权矩阵草稿提案` }));
  await ok(member.request({ method: 'POST', url: `/api/proposals/${draft.id}/attachments`, ...file('草稿附件.txt') }));

  // 社情民意联系点: one closed (members no longer see it), with a liaison's phone only the information office reads
  let contactPoint = await ok(info.post('/api/opinions/contact-points', { name: `${prefix}授权矩阵联系点${randomUUID().slice(0, 6)}`, kind: 'community', place: '授权矩阵社区工作站', liaisons: [{ name: '联络员甲', phone: '13900009999' }] }));
  contactPoint = await ok(info.patch(`/api/opinions/contact-points/${contactPoint.id}`, { version: contactPoint.version, active: false }));
  // 社情民意: a draft and a submitted report of `member`, each with an attachment; one passed to 区水务局; an issue; an instruction
  const opinionDraft = await ok(member.post('/api/opinions', { ...sampleOpinion, title: `${prefix}关于授权矩阵草稿信息的建议` }));
  await ok(member.request({ method: 'POST', url: `/api/opinions/${opinionDraft.id}/attachments`, ...file('群众来信.txt') }));
  let o = await ok(member.post('/api/opinions', { ...sampleOpinion, title: `${prefix}关于授权矩阵已报送信息的建议` }));
  await ok(member.request({ method: 'POST', url: `/api/opinions/${o.id}/attachments`, ...file('现场照片说明.txt') }));
  o = await ok(member.get(`/api/opinions/${o.id}`));
  o = await ok(member.post(`/api/opinions/${o.id}/actions/submit`, { version: o.version }));
  await ok(info.post(`/api/opinions/${o.id}/instructions`, { leaderName: '区领导', level: 'district', instructedOn: '2026-03-02', text: '请有关部门研究办理。' }));
  let passed = await ok(member.post('/api/opinions', { ...sampleOpinion, title: `${prefix}关于授权矩阵转水务局信息的建议` }));
  passed = await ok(member.post(`/api/opinions/${passed.id}/actions/submit`, { version: passed.version }));
  await ok(info.post(`/api/opinions/${passed.id}/assign`, { version: passed.version, assignments: [{ unitId: waterRow.id, role: 'sole' }] }));
  await ok(info.post('/api/opinions/issues', {}));

  // 会议活动: one inviting member and member2 (member asks for leave, a file), one inviting member2 only (a file)
  const at = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
  const meeting = await ok(office.post('/api/meetings', { kind: 'reading', title: `${prefix}授权矩阵读书活动`, startsAt: at(10), endsAt: at(10.1), invitations: [{ type: 'members', ids: [memberId, member2Id] }] }));
  await ok(office.request({ method: 'POST', url: `/api/meetings/${meeting.id}/files?kind=materials`, ...file('会议材料.txt') }));
  await ok(member.post(`/api/meetings/${meeting.id}/leave`, { reason: '单位有紧急接待任务' }));
  const elsewhere = await ok(office.post('/api/meetings', { kind: 'training', title: `${prefix}授权矩阵履职培训`, startsAt: at(11), endsAt: at(11.1), invitations: [{ type: 'members', ids: [member2Id] }] }));
  await ok(office.request({ method: 'POST', url: `/api/meetings/${elsewhere.id}/files?kind=materials`, ...file('培训材料.txt') }));
  await ok(member.post('/api/meetings/speeches', { title: `${prefix}关于授权矩阵的大会发言`, body: '制造业是立区之本。建议加快工业互联网平台建设，支持中小企业上云用数赋智。' }));

  // 联系群众: member's own partner, contact, deed, service; a council of member2 only
  const partner = await ok(member.post('/api/outreach/partners', { name: '王小明', sector: '社区居民' }));
  await ok(member.post('/api/outreach/contacts', { day: '2026-03-02', way: 'inPerson', people: [{ name: '王小明', partnerId: partner.id }], raised: '小区停车位不足，夜间占道停车' }));
  await ok(member.post('/api/outreach/deeds', { title: '协调解决小区停车难', problem: '小区停车位不足', action: '协调街道增设临时停车位', beneficiaries: '小区业主', day: '2026-03-02' }));
  await ok(member.post('/api/outreach/services', { title: '社区义诊', day: '2026-03-02', hours: 2 }));
  // 基层协商: a council with member2 at the table (and a resident), held, one agreed item; not published
  let council = await ok(office.post('/api/consultation/councils', { topic: `${prefix}授权矩阵民生议事`, organizer: '布吉街道政协联络组', place: '社区议事厅' }));
  council = await ok(office.post(`/api/consultation/councils/${council.id}/participants`, { version: council.version, party: 'member', memberId: member2Id }));
  council = await ok(office.post(`/api/consultation/councils/${council.id}/participants`, { version: council.version, party: 'resident', name: '赵大妈', unit: '长龙花园居民', phone: '13900001111' }));
  for (const action of ['setTopic', 'research'] as const) council = await ok(office.post(`/api/consultation/councils/${council.id}/actions/${action}`, { version: council.version }));
  council = await ok(office.post(`/api/consultation/councils/${council.id}/actions/deliberate`, { version: council.version, day: '2026-03-02' }));
  council = await ok(office.post(`/api/consultation/councils/${council.id}/items`, { version: council.version, title: '增设社区临时停车位', responsible: '布吉街道办事处' }));

  // 协商议政: member's topic in a plan of a year no demo plan uses, approved through the four reviews; its
  // consultation scheduled with member (an expert taking part), held, reported and one recommendation sent to 区教育局
  // a year no plan has yet: the fixtures may be built twice on one database (the CSRF test builds them per test)
  const fixtureYear = Math.max(FIXTURE_YEAR, ...(await ok(office.get('/api/consultation/plans'))).items.map((x: { year: number }) => x.year + 1));
  const topic = await ok(member.post('/api/consultation/topics', { source: 'member', year: fixtureYear, title: `${prefix}授权矩阵协商选题`, reason: '辖区老旧小区加装电梯协调难、资金难，建议列入年度协商计划。' }));
  let plan = await ok(office.post('/api/consultation/plans', { year: fixtureYear }));
  plan = await ok(office.post(`/api/consultation/plans/${plan.id}/items`, { version: plan.version, topicId: topic.id, title: topic.title, form: 'thematic', month: 6 }));
  for (const [who, action] of [[office, 'submit'], [office, 'passCommittee'], [office, 'passOffice'], [leader, 'passChairs'], [office, 'approve']] as const)
    plan = await ok(who.post(`/api/consultation/plans/${plan.id}/actions/${action}`, { version: plan.version }));
  let held = await ok(office.get(`/api/consultation/consultations/${plan.items[0].id}`));
  held = await ok(office.post(`/api/consultation/consultations/${held.id}/schedule`, { version: held.version, startsAt: at(12), endsAt: at(12.1), location: '区政协会议室', memberIds: [memberId] }));
  held = await ok(office.post(`/api/consultation/consultations/${held.id}/participants`, { kind: 'expert', name: '陈立新', affiliation: '深圳大学教授' }));
  const participant = held.participants.find((x: { name: string }) => x.name === '陈立新').id;
  held = await ok(office.post(`/api/consultation/consultations/${held.id}/hold`, { version: held.version, heldOn: '2026-06-10', minutes: '与会委员和专家围绕加装电梯审批、资金、协调等问题深入协商。' }));
  held = await ok(office.post(`/api/consultation/consultations/${held.id}/report`, { version: held.version, outcomeKind: 'recommendation', outcomeTitle: '关于推进加装电梯的建议案', outcomeText: '一、简化审批流程，建立联合审批机制。二、加大财政补贴力度。', sentOn: '2026-06-18' }));
  held = await ok(office.post(`/api/consultation/consultations/${held.id}/assign`, { version: held.version, items: [{ text: '简化加装电梯审批流程', unitIds: [unitRow.id] }] }));
  // 网络议政室 on it, for members only (the public pages publish what a public room holds), with member's post and a poll
  let room = await ok(office.post('/api/consultation/rooms', { consultationId: held.id, title: `${prefix}授权矩阵网络议政`, intro: '请委员就加装电梯的资金分摊提出意见。', opensAt: at(-1), closesAt: at(10), publicAccess: false }));
  room = await ok(member.post(`/api/consultation/rooms/${room.id}/posts`, { body: '建议按楼层分摊加装电梯费用。' }));
  room = await ok(office.post(`/api/consultation/rooms/${room.id}/polls`, { question: '资金分摊方式', kind: 'single', options: ['按楼层', '平均分摊'] }));

  // 民主监督: a group led by member (member2 in it) over 区教育局, a special supervisor, a topic, and a suggestion
  // member drafted, the office signed and sent to 区教育局
  const group = await ok(office.post('/api/supervision/groups', { name: `${prefix}授权矩阵监督小组${fixtureYear}`, term: '第七届', leaderMemberId: memberId, memberIds: [member2Id], unitIds: [unitRow.id] }));
  const supervisor = await ok(office.post('/api/supervision/supervisors', { name: '周特约', workplace: '区人民医院主任医师', term: '第七届', groupId: group.id }));
  const supervisionTopic = await ok(office.post('/api/supervision/topics', { year: 2026, title: `${prefix}授权矩阵监督议题`, source: 'plan', groupId: group.id }));
  let suggestion = await ok(member.post('/api/supervision/suggestions', { groupId: group.id, topicId: supervisionTopic.id, title: `${prefix}关于授权矩阵的监督建议`, findings: '监督小组走访发现，校园周边交通拥堵，接送高峰存在安全隐患。', recommendations: '一是错峰放学；二是增设临时停车位；三是加强交通疏导。' }));
  suggestion = await ok(member.post(`/api/supervision/suggestions/${suggestion.id}/actions/submit`, { version: suggestion.version }));
  suggestion = await ok(office.post(`/api/supervision/suggestions/${suggestion.id}/actions/approve`, { version: suggestion.version, signedByName: '区政协秘书长 王某' }));
  await ok(office.post(`/api/supervision/suggestions/${suggestion.id}/assign`, { version: suggestion.version, assignments: [{ unitId: unitRow.id, role: 'sole' }] }));

  // 民主评议: a campaign of 区教育局 and 区水务局 with only member invited (member2 not), approved, member's
  // ballots on both, published; a rectification item sent to 区教育局
  const phases = Object.fromEntries(['preparing', 'surveying', 'deliberating', 'rectifying', 'rechecking'].map((k, n) => [k, { from: `${FIXTURE_YEAR}-0${n + 3}-01`, to: `${FIXTURE_YEAR}-0${n + 3}-20` }]));
  let campaign = await ok(office.post('/api/evaluation/campaigns', { year: FIXTURE_YEAR, title: `${prefix}授权矩阵民主评议`, unitIds: [unitRow.id, waterRow.id], invitedMemberIds: [memberId], phases }));
  const step = async (action: string, extra: object = {}) => (campaign = await ok(office.post(`/api/evaluation/campaigns/${campaign.id}/actions/${action}`, { version: campaign.version, ...extra })));
  await step('propose', { on: `${FIXTURE_YEAR}-02-20`, note: '主席会议提出' });
  await step('approve', { on: `${FIXTURE_YEAR}-03-01`, note: '党委批准' });
  // a 特邀群众代表 (their name and phone: the office's only), who answers by the link on both departments
  const invited = await ok(office.post(`/api/evaluation/campaigns/${campaign.id}/representatives`, { name: `${prefix}授权矩阵代表`, organisation: '龙城街道居民代表', phone: '13800000008' }));
  await step('startSurvey');
  const ballot = Object.fromEntries(campaign.indicators.map((i: { key: string }) => [i.key, 'satisfied']));
  for (const u of [unitRow.id, waterRow.id]) await ok(member.post(`/api/evaluation/campaigns/${campaign.id}/responses`, { unitId: u, answers: ballot }));
  for (const u of [unitRow.id, waterRow.id]) await ok(member.post(`/api/evaluation/invitations/${invited.link.split('/').pop()}/responses`, { unitId: u, answers: ballot }));
  await step('startDeliberation');
  await step('publish');
  campaign = await ok(office.post(`/api/evaluation/campaigns/${campaign.id}/findings`, { unitId: unitRow.id, text: '评议中委员反映课后服务内容单一，请限期整改。' }));
  // 民生诉求: a letter from the portal with a photo (the question answered from its stored answer), routed by 委员科 to member
  // (sent by member's client: a public route reads no session and wants no CSRF token)
  const remoteAddress = `203.0.113.${prefix ? 2 : 1}`;
  const challenge = await ok(member.request({ method: 'GET', url: `/api/portal/challenge?committeeId=${committee}`, remoteAddress }));
  const [{ answer }] = await db.select({ answer: publicChallenges.answer }).from(publicChallenges).where(eq(publicChallenges.id, challenge.id));
  const letter = { committeeId: committee, senderName: '授权矩阵群众', senderPhone: '13900001111', category: '城乡建设', place: `${prefix}授权矩阵社区`, body: '小区门口道路坑洼积水，老人出行不便，希望尽快修补。', challengeId: challenge.id, challengeAnswer: answer };
  await ok(member.request({ method: 'POST', url: '/api/portal/requests', ...requestForm(letter, '现场照片.png'), remoteAddress }));
  const [request] = await db.select().from(livelihoodRequests).where(and(eq(livelihoodRequests.committeeId, committee), eq(livelihoodRequests.place, `${prefix}授权矩阵社区`)));
  await ok(as('roster').post(`/api/requests/${request.id}/actions/route`, { version: request.version, memberId }));

  // 调研视察: a topic whose group is member alone, a visit, the report (with an attachment) written by member and
  // finalised, converted into member's 社情民意 report, and one item sent to 区教育局
  let research = await ok(office.post('/api/research/topics', { source: 'office', title: `${prefix}授权矩阵调研课题`, reason: '校园周边交通拥堵问题突出，安排委员开展专题调研。' }));
  research = await ok(office.post(`/api/research/topics/${research.id}/group/decide`, { memberId, decision: 'confirm' }));
  research = await ok(office.post(`/api/research/topics/${research.id}/visits`, { startsAt: at(13), endsAt: at(13.1), place: '区实验学校' }));
  research = await ok(member.patch(`/api/research/topics/${research.id}/report`, { version: research.version, reportTitle: `${prefix}关于校园周边交通治理的调研报告`, background: '调研组走访3所学校。', problems: '接送高峰拥堵，存在安全隐患。', suggestions: '一是错峰放学；二是增设临时停车位。' }));
  await ok(member.request({ method: 'POST', url: `/api/research/topics/${research.id}/report/attachments`, ...file('调研照片说明.txt') }));
  for (const [who, action] of [[member, 'submit'], [office, 'passCommittee'], [office, 'passOffice']] as const)
    research = await ok(who.post(`/api/research/topics/${research.id}/report/actions/${action}`, { version: (await ok(who.get(`/api/research/topics/${research.id}`))).version }));
  research = await ok(member.post(`/api/research/topics/${research.id}/conversions`, { version: research.version, kind: 'opinion', title: `${prefix}校园周边接送拥堵亟待治理`, category: '教育文体', body: '接送高峰拥堵，存在安全隐患。建议错峰放学，增设临时停车位。' }));
  research = await ok(office.post(`/api/research/topics/${research.id}/items`, { items: [{ text: '增设校园周边临时停车位', unitIds: [unitRow.id] }] }));

  // 新闻公告: a draft of the office's with a file (never public)
  const news = await ok(office.post('/api/news', { kind: 'notice', title: `${prefix}授权矩阵通知公告草稿`, body: '请各位委员按时参加全体会议。' }));
  await ok(office.request({ method: 'POST', url: `/api/news/${news.id}/attachments`, ...file('会议回执.txt') }));

  // 学习: a draft 每日一学 (the keeping offices' alone), a reading group of member alone, and member's check-in with a note
  const learningItem = await ok(office.post('/api/learning/items', { title: `${prefix}授权矩阵每日一学草稿`, body: '人民政协是专门协商机构。', source: '授权矩阵', forDate: chinaToday() }));
  const shifted = (days: number) => new Date(Date.parse(`${chinaToday()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const readingGroup = await ok(office.post('/api/learning/groups', { name: `${prefix}授权矩阵读书小组`, bookTitle: '人民政协理论与实践', startsOn: shifted(-3), endsOn: shifted(30), memberIds: [memberId] }));
  const readGroup = await ok(member.post(`/api/learning/groups/${readingGroup.id}/checkins`, { reading: '第一章', note: '协商民主贯穿履职全过程。' }));

  // read everything back from the tables, newest of each kind of this committee
  const memberUser = await first(db.select().from(users).where(and(eq(users.committeeId, committee), eq(users.username, `${prefix}member`))), 'member user');
  const member2User = await first(db.select().from(users).where(and(eq(users.committeeId, committee), eq(users.username, `${prefix}member2`))), 'member2 user');
  const newest = (table: any, ...where: unknown[]): Promise<any> =>
    first(db.select().from(table).where(and(eq(table.committeeId, committee), ...(where as any[]))).orderBy(desc(table.createdAt ?? table.uploadedAt)).limit(1), getTableName(table));
  const attachmentOf = async (subjectType: string, subjectId: string) => (await newest(attachments, eq(attachments.subjectType, subjectType), eq(attachments.subjectId, subjectId), isNull(attachments.removedAt))).id;
  const fileOf = async (activityId: string) => (await newest(activityFiles, eq(activityFiles.activityId, activityId))).id;
  const sentUp = await db.select({ id: opinions.id }).from(opinions)
    .innerJoin(opinionSends, and(eq(opinionSends.opinionId, opinions.id), eq(opinionSends.targetCommitteeId, opinions.sentUpToCommitteeId!), eq(opinionSends.status, 'sent')))
    .where(eq(opinions.committeeId, committee)).limit(1);
  const catalog = async (table: Table) => (await first(db.select().from(table as any).where(eq((table as any).committeeId, committee)).orderBy(asc((table as any).sortOrder)).limit(1) as Promise<any[]>, getTableName(table))).id;
  // 线上咨询: a question from the portal to the committee's first studio, by the same (secret) person as the letter
  const studioId = await catalog(studios);
  const asking = await ok(member.request({ method: 'GET', url: `/api/portal/challenge?committeeId=${committee}`, remoteAddress }));
  const [{ answer: sum }] = await db.select({ answer: publicChallenges.answer }).from(publicChallenges).where(eq(publicChallenges.id, asking.id));
  await ok(member.request({ method: 'POST', url: `/api/portal/studios/${studioId}/questions`, payload: { askerName: '授权矩阵群众', askerContact: '13900001111', body: '工作室可以帮忙协调小区停车问题吗？', challengeId: asking.id, challengeAnswer: sum }, remoteAddress }));
  const studioQuestion = await newest(studioQuestions, eq(studioQuestions.studioId, studioId));
  // 委员之家: member2 on duty (as a special committee's director) on a past Tuesday the Home opened,
  // receiving member with one suggestion (no demo duty is member2's; a second build reuses its own duty)
  const [built] = await db.select().from(homeDuties).where(and(eq(homeDuties.committeeId, committee), eq(homeDuties.memberId, member2Id), eq(homeDuties.day, '2026-03-03')));
  const duty = built ?? (await ok(office.post('/api/members-home/duties', { day: '2026-03-03', memberId: member2Id, capacity: 'director', specialCommitteeId: await catalog(specialCommittees) })));
  const logged = await ok(as('member2').post(`/api/members-home/duties/${duty.id}/visits`, { visitorMemberId: memberId, topic: `${prefix}授权矩阵接待`, said: '反映界别活动场地不足。', suggestions: ['建议委员之家每月固定一个界别活动日'] }));

  return {
    prefix, committee,
    proposal: p.id, draft: draft.id, proposalAttachment: await attachmentOf('proposal', p.id), draftAttachment: await attachmentOf('proposal', draft.id),
    assignment: assignment.id, reply: (await newest(replies, eq(replies.subjectId, p.id))).id,
    keyProposal: keyProposal.id, excellentNomination: nomination.id, proposalTopic: proposalTopic.id,
    opinion: o.id, opinionDraft: opinionDraft.id, opinionPassed: passed.id, opinionSentUp: sentUp[0]?.id ?? o.id,
    opinionAttachment: await attachmentOf('opinion', o.id), opinionDraftAttachment: await attachmentOf('opinion', opinionDraft.id),
    instruction: (await newest(instructions, eq(instructions.subjectId, o.id))).id, issue: (await newest(opinionIssues)).id, contactPoint: contactPoint.id,
    // a district organises no joint event: the matrix puts its part of the city's joint inspection here once the city's records are built
    jointActivity: meeting.id, district: committee,
    activity: meeting.id, activityElsewhere: elsewhere.id, activityFile: await fileOf(meeting.id), activityElsewhereFile: await fileOf(elsewhere.id),
    leave: (await newest(leaveRequests, eq(leaveRequests.activityId, meeting.id))).id, speech: (await newest(plenarySpeeches, eq(plenarySpeeches.memberId, memberId))).id,
    partner: partner.id, contact: (await newest(outreachContacts, eq(outreachContacts.memberId, memberId))).id, deed: (await newest(outreachDeeds, eq(outreachDeeds.memberId, memberId))).id,
    service: (await newest(outreachServices, eq(outreachServices.memberId, memberId))).id, council: council.id, councilParticipant: council.participants.find((x: { name: string }) => x.name === '赵大妈').id, councilItem: council.items[0].id,
    consultationTopic: topic.id, consultationPlan: plan.id, consultation: held.id, consultationParticipant: participant, consultationItem: held.recommendations[0].id,
    consultationRoom: room.id, consultationRoomPost: room.posts[0].id, consultationRoomPoll: room.polls[0].id,
    researchTopic: research.id, researchAttachment: await attachmentOf('researchTopic', research.id), researchItem: research.items[0].id,
    supervisionGroup: group.id, supervisor: supervisor.id, supervisionTopic: supervisionTopic.id, supervisionSuggestion: suggestion.id,
    evaluationCampaign: campaign.id, evaluationFinding: campaign.findings[0].id, evaluationRepresentative: invited.item.id,
    livelihoodRequest: request.id, requestPhoto: await attachmentOf('livelihoodRequest', request.id),
    newsPost: news.id, newsAttachment: await attachmentOf('newsPost', news.id), studioQuestion: studioQuestion.id,
    learningItem: learningItem.id, readingGroup: readingGroup.id, readingCheckin: readGroup.checkins[0].id,
    homeDuty: duty.id, homeSuggestion: logged.visits.find((v: { topic: string }) => v.topic === `${prefix}授权矩阵接待`).suggestions[0].id,
    notification: (await first(db.select().from(notifications).where(eq(notifications.userId, memberUser.id)).orderBy(desc(notifications.createdAt)).limit(1), 'notification of member')).id,
    member: memberId, member2: member2Id, user: member2User.id,
    term: (await first(db.select().from(terms).where(and(eq(terms.committeeId, committee), eq(terms.current, true))), 'term')).id,
    session: (await newest(plenarySessions)).id,
    sectors: await catalog(sectors), 'special-committees': await catalog(specialCommittees), parties: await catalog(parties), 'street-groups': await catalog(streetGroups), studios: await catalog(studios), units: unitRow.id,
  };
}

/** The portal's request form as multipart: its fields and one photo (a PNG). */
function requestForm(fields: Record<string, string | number>, photo: string) {
  const boundary = `----slmatrix${Date.now()}`;
  const parts = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="photos"; filename="${photo}"\r\nContent-Type: image/png\r\n\r\n`), png, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/**
 * The city's own records, built through the API as `city_admin` and `city_info`: a term and a session,
 * an entry of each catalog, a roster entry, an account, an event inviting that member (with a file),
 * a report of a body (submitted, with an attachment and an instruction) and a draft, an issue, and
 * the newest notification of `city_info` when it has one.
 */
export async function buildCityRecords(t: Pick<TestApp, 'database'>, admin: Client, info: Client): Promise<CityRecords> {
  const { db } = t.database;
  const committee: string = (await ok(admin.get('/api/auth/me'))).user.committee.id;
  const file = (name: string) => upload(name, Buffer.from('市政协授权矩阵测试附件', 'utf8'));
  const term = await ok(admin.post('/api/org/terms', { number: 13, name: '第十三届', startDate: '2023-01-05', endDate: '2027-12-31', current: true }));
  const session = await ok(admin.post('/api/org/sessions', { termId: term.id, number: 4, name: '十三届四次会议', year: 2026, startDate: '2026-01-20', endDate: '2026-01-23' }));
  const catalog: Partial<Record<RecordKind, string>> = {};
  for (const kind of ['sectors', 'special-committees', 'parties', 'street-groups', 'studios', 'units'] as const) catalog[kind] = (await ok(admin.post(`/api/org/${kind}`, { name: `市政协授权矩阵${kind}` }))).id;
  const member = await ok(admin.post('/api/members', { termId: term.id, code: '13001', name: '市委员甲', gender: '女' }));
  const user = await ok(admin.post('/api/users', { username: 'city_matrix_staff', displayName: '市政协办公厅 赵一', roles: ['staff'], office: 'general', password: 'Juzhen#2026matrix' }));
  const at = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
  const meeting = await ok(admin.post('/api/meetings', { kind: 'reading', title: 'city_授权矩阵读书活动', startsAt: at(10), endsAt: at(10.1), invitations: [{ type: 'members', ids: [member.id] }] }));
  await ok(admin.request({ method: 'POST', url: `/api/meetings/${meeting.id}/files?kind=materials`, ...file('市会议材料.txt') }));
  const byBody = { ...sampleOpinion, authorType: 'specialCommittee', authorBody: '市政协经济委员会' };
  let o = await ok(info.post('/api/opinions', { ...byBody, title: 'city_关于授权矩阵市级信息的建议' }));
  await ok(info.request({ method: 'POST', url: `/api/opinions/${o.id}/attachments`, ...file('市调研材料.txt') }));
  o = await ok(info.get(`/api/opinions/${o.id}`));
  o = await ok(info.post(`/api/opinions/${o.id}/actions/submit`, { version: o.version }));
  await ok(info.post(`/api/opinions/${o.id}/instructions`, { leaderName: '市领导', level: 'city', instructedOn: '2026-03-02', text: '请市有关部门研究。' }));
  const opinionDraft = await ok(info.post('/api/opinions', { ...byBody, title: 'city_关于授权矩阵市级草稿信息的建议' }));
  await ok(info.request({ method: 'POST', url: `/api/opinions/${opinionDraft.id}/attachments`, ...file('市草稿材料.txt') }));
  const issue = await ok(info.post('/api/opinions/issues', {}));
  const infoUser = await first(db.select().from(users).where(and(eq(users.committeeId, committee), eq(users.username, 'city_info'))), 'city_info user');
  // 上下联动: a joint inspection with the member of each district (龙岗区 and 福田区 each get an event of their own)
  const districtMember = async (username: string) => {
    const u = await first(db.select().from(users).where(eq(users.username, username)), username);
    return { committeeId: u.committeeId, memberIds: [u.memberId!] };
  };
  const joint = await ok(admin.post('/api/joint/activities', { kind: 'inspection', title: 'city_授权矩阵联合视察', startsAt: at(12), endsAt: at(12.1), location: '市民中心', districts: [await districtMember('member'), await districtMember('ft_member')] }));
  const [notification] = await db.select().from(notifications).where(eq(notifications.userId, infoUser.id)).orderBy(desc(notifications.createdAt)).limit(1);
  const attachmentOf = async (subjectId: string) =>
    (await first(db.select().from(attachments).where(and(eq(attachments.subjectType, 'opinion'), eq(attachments.subjectId, subjectId), isNull(attachments.removedAt))), 'city attachment')).id;
  const activityFile = (await first(db.select().from(activityFiles).where(eq(activityFiles.activityId, meeting.id)), 'city activity file')).id;
  return {
    prefix: 'city_', committee, term: term.id, session: session.id, ...catalog, member: member.id, member2: member.id, user: user.id,
    activity: meeting.id, activityElsewhere: meeting.id, activityFile, activityElsewhereFile: activityFile, jointActivity: joint.id,
    opinion: o.id, opinionSentUp: o.id, opinionPassed: o.id, opinionDraft: opinionDraft.id, opinionAttachment: await attachmentOf(o.id), opinionDraftAttachment: await attachmentOf(opinionDraft.id),
    instruction: (await first(db.select().from(instructions).where(eq(instructions.subjectId, o.id)), 'city instruction')).id, issue: issue.id,
    ...(notification ? { notification: notification.id } : {}),
  };
}

/** The whole row of a record as JSON (to show a refused write changed nothing), or null when it has none. */
export async function rowOf(database: Database, kind: RecordKind, id: string): Promise<string | null> {
  const name = getTableName(recordTables[kind]);
  const rows = await database.query<{ row: unknown }>(`select to_jsonb(t) as row from "${name}" t where id = $1`, [id]);
  return rows[0] ? JSON.stringify(rows[0].row) : null;
}

/** The current version of a record (1 for tables without one). */
export async function versionOf(database: Database, kind: RecordKind, id: string): Promise<number> {
  const row = await rowOf(database, kind, id);
  const v = row ? (JSON.parse(row) as { version?: number }).version : undefined;
  return typeof v === 'number' ? v : 1;
}

/** The city committee (深圳市政协) the districts send reports up to. */
export async function cityId(database: Database): Promise<string> {
  return (await first(database.db.select({ id: committees.id }).from(committees).where(eq(committees.shortName, '深圳市政协')), '深圳市政协')).id;
}

