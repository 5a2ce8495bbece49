import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { asc, eq } from 'drizzle-orm';
import { hasRole, type Actor } from '../../platform/auth/actor.js';
import { actorOf } from '../../platform/http/context.js';
import { AppError } from '../../platform/errors.js';
import { authorize, committeeSubject } from '../../platform/policy/policy.js';
import { getSettings } from '../../platform/settings/settings.js';
import { chinaToday } from '../../platform/calendar/workdays.js';
import { activityKinds, outcomeLabels, scopeTypeLabels, type InvitationScope } from '../../platform/activity/kinds.js';
import { activityPolicy, type ActivitySubject } from '../../platform/activity/policy.js';
import { loadActivity } from '../../platform/activity/load.js';
import { activitySettings } from '../../platform/activity/settings.js';
import { inviteMore, scheduleActivity, updateActivity } from '../../platform/activity/schedule.js';
import { decideLeave, requestLeave, withdrawLeave } from '../../platform/activity/leave.js';
import { checkInByToken, checkInWithToken, issueCheckInToken, recordAttendance, replyToInvitation } from '../../platform/activity/checkin.js';
import { scheduleHalfDays } from '../../platform/activity/half-days.js';
import { cancelActivity, closeActivity, reopenActivity } from '../../platform/activity/close.js';
import { eventStats, memberAttendance } from '../../platform/activity/stats.js';
import { plenarySessions } from '../org/schema.js';
import { members } from '../members/schema.js';
import {
  actionBody, actionParams, attendanceBody, checkInBody, decideLeaveBody, halfDaysInput, idParams, inviteBody, leaveBody, leaveQuery, meetingInput, meetingPatch, meetingQuery,
  replyBody, speechInput, speechQuery, speechSelectBody, withdrawBody, yearQuery,
} from './inputs.js';
import { leaveQueueFor, presentDetail, presentSummary } from './presenter.js';
import { listExtras, listMeetings } from './queries.js';
import { canSubmitSpeech, listSpeeches, loadSpeech, presentSpeech, selectSpeech, submitSpeech, withdrawSpeech } from './speeches.js';
import { z } from 'zod';
import { meetingFileRoutes } from './file-routes.js';

const tags = ['meetings'];
const link = (id: string) => `/meetings/${id}`;
const memberParams = z.object({ id: z.uuid().describe('活动编号'), memberId: z.uuid().describe('委员') });

/** 会议活动: scheduling, invitations, replies, leave, QR and staff check-in, attendance, closing, speeches. */
export async function meetingRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  await meetingFileRoutes(app);
  const { database } = app.services;
  // read the clock on each request (tests move it)
  const now = () => app.services.now();
  const { db } = database;
  const today = () => chinaToday(now());
  const detail = async (req: FastifyRequest, id: string) => {
    const actor = actorOf(req);
    return presentDetail(db, actor, await loadActivity(db, actor, id));
  };

  r.get('/api/meetings', { schema: { querystring: meetingQuery, tags, summary: '会议活动列表' } }, async (req) => {
    const actor = actorOf(req);
    const { rows, total } = await listMeetings(db, actor, req.query);
    const extras = await listExtras(db, actor, rows.map((x) => x.id));
    const settings = await getSettings(db, activitySettings, actor.committeeId, Number(today().slice(0, 4)));
    const items = rows.map((row) => {
      const s: ActivitySubject = { ...row, mine: extras.mine.get(row.id) ?? null, approverOffices: settings.leaveApproverOffices };
      return presentSummary(actor, s, extras.counts.get(row.id), extras.myLeave.get(row.id));
    });
    return { items, total, canCreate: hasRole(actor, 'staff', 'admin') };
  });

  r.get('/api/meetings/options', { schema: { tags, summary: '会议活动表单选项' } }, async (req) => {
    const actor = actorOf(req);
    const [settings, sessions] = await Promise.all([
      getSettings(db, activitySettings, actor.committeeId, Number(today().slice(0, 4))),
      db.select().from(plenarySessions).where(eq(plenarySessions.committeeId, actor.committeeId)).orderBy(asc(plenarySessions.startDate)),
    ]);
    return {
      kinds: Object.entries(activityKinds).map(([value, label]) => ({ value, label })),
      scopeTypes: Object.entries(scopeTypeLabels).map(([value, label]) => ({ value, label })),
      outcomes: Object.entries(outcomeLabels).map(([value, label]) => ({ value, label })),
      sessions: sessions.map((s) => ({ id: s.id, name: s.name, year: s.year })),
      settings,
      canSubmitSpeech: canSubmitSpeech(actor),
    };
  });

  r.get('/api/meetings/leave', { schema: { querystring: leaveQuery, tags, summary: '请假审批队列' } }, async (req) => {
    const actor = actorOf(req);
    const settings = await getSettings(db, activitySettings, actor.committeeId, Number(today().slice(0, 4)));
    const approver = actor.roles.includes('admin') || (actor.roles.includes('staff') && actor.office !== null && settings.leaveApproverOffices.includes(actor.office));
    if (!approver) throw AppError.forbidden('只有指定科室可以审批请假');
    return { items: await leaveQueueFor(db, actor, req.query.status) };
  });

  r.post('/api/meetings/leave/:id/decide', { schema: { params: idParams, body: decideLeaveBody, tags, summary: '审批请假' } }, async (req) => {
    const actor = actorOf(req);
    const updated = await decideLeave(database, actor, req.params.id, req.body.version, req.body.approve, req.body.note, link);
    return detail(req, updated.activityId);
  });

  r.post('/api/meetings/leave/:id/withdraw', { schema: { params: idParams, body: withdrawBody, tags, summary: '撤回请假' } }, async (req) => {
    const updated = await withdrawLeave(database, actorOf(req), req.params.id, req.body.version);
    return detail(req, updated.activityId);
  });

  r.get('/api/meetings/stats', { schema: { querystring: yearQuery, tags, summary: '出席统计（每次活动、每位委员）' } }, async (req) => {
    const actor = actorOf(req);
    if (!hasRole(actor, 'staff', 'admin', 'leader')) throw AppError.forbidden('只有工作人员和领导可以查看出席统计');
    const year = req.query.year ?? Number(today().slice(0, 4));
    const { rows } = await listMeetings(db, actor, { scope: 'all', year, page: 1, pageSize: 200 });
    const events = [];
    for (const row of rows.filter((x) => x.status !== 'cancelled')) {
      events.push({ id: row.id, title: row.title, kind: row.kind, kindLabel: activityKinds[row.kind as keyof typeof activityKinds], startsAt: row.startsAt, status: row.status, ...(await eventStats(db, row)) });
    }
    const perMember = await memberAttendance(db, actor.committeeId, year);
    const names = new Map((await db.select({ id: members.id, name: members.name, code: members.code }).from(members).where(eq(members.committeeId, actor.committeeId))).map((m) => [m.id, m]));
    const invited = events.reduce((n, e) => n + e.invited, 0);
    const attended = events.reduce((n, e) => n + e.attended, 0);
    return {
      year,
      overall: { events: events.length, invited, attended, rate: invited ? Math.round((attended / invited) * 1000) / 10 : 0 },
      events,
      members: perMember.map((m) => ({ ...m, name: names.get(m.memberId)?.name ?? '', code: names.get(m.memberId)?.code ?? '' })).sort((a, b) => a.rate - b.rate || a.code.localeCompare(b.code)),
    };
  });

  r.get('/api/meetings/speeches', { schema: { querystring: speechQuery, tags, summary: '大会发言列表' } }, async (req) => ({ items: await listSpeeches(db, actorOf(req), req.query) }));

  r.post('/api/meetings/speeches', { schema: { body: speechInput, tags, summary: '提交大会发言' } }, async (req) => {
    const actor = actorOf(req);
    const s = await submitSpeech(database, actor, req.body, today());
    return presentSpeech(actor, s, actor.name);
  });

  r.get('/api/meetings/speeches/:id', { schema: { params: idParams, tags, summary: '大会发言详情' } }, async (req) => {
    const actor = actorOf(req);
    const s = await loadSpeech(db, actor, req.params.id);
    const [m] = await db.select({ name: members.name }).from(members).where(eq(members.id, s.memberId));
    return presentSpeech(actor, s, m?.name ?? '');
  });

  r.post('/api/meetings/speeches/:id/select', { schema: { params: idParams, body: speechSelectBody, tags, summary: '遴选大会发言（口头、书面、不采用）' } }, async (req) => {
    const actor = actorOf(req);
    await loadSpeech(db, actor, req.params.id);
    const s = await selectSpeech(database, actor, req.params.id, req.body.version, req.body.status, req.body.note, today());
    const [m] = await db.select({ name: members.name }).from(members).where(eq(members.id, s.memberId));
    return presentSpeech(actor, s, m?.name ?? '');
  });

  r.post('/api/meetings/speeches/:id/withdraw', { schema: { params: idParams, body: withdrawBody, tags, summary: '撤回大会发言' } }, async (req) => {
    const actor = actorOf(req);
    await loadSpeech(db, actor, req.params.id);
    const s = await withdrawSpeech(database, actor, req.params.id, req.body.version);
    return presentSpeech(actor, s, actor.name);
  });

  r.post('/api/meetings', { schema: { body: meetingInput, tags, summary: '安排会议活动并发出邀请' } }, async (req) => {
    const actor = actorOf(req);
    authorize(activityPolicy, 'create', actor, committeeSubject(actor) as ActivitySubject);
    const { invitations, ...fields } = req.body;
    const row = await scheduleActivity(database, actor, 'meeting', { ...fields, invitations: invitations as InvitationScope[] }, link);
    return detail(req, row.id);
  });

  r.post('/api/meetings/plenary', { schema: { body: halfDaysInput, tags, summary: '安排全体会议（每半天一场）' } }, async (req) => {
    const actor = actorOf(req);
    const { halfDays, invitations, ...fields } = req.body;
    const rows = await scheduleHalfDays(database, actor, 'meeting', { ...fields, kind: 'plenary', invitations: invitations as InvitationScope[] }, halfDays, link);
    return { items: rows.map((row) => presentSummary(actor, { ...row, mine: null, approverOffices: [] })) };
  });

  // the page the venue QR code opens: the token alone says which event
  r.post('/api/meetings/check-in', { schema: { body: checkInBody, tags, summary: '扫码签到（签到码页面）' } }, async (req) => {
    const actor = actorOf(req);
    const mine = await checkInByToken(database, actor, req.body.token, now());
    const s = await loadActivity(db, actor, mine.activityId);
    return { checkedInAt: mine.checkedInAt, meeting: presentSummary(actor, s) };
  });

  r.get('/api/meetings/:id', { schema: { params: idParams, tags, summary: '会议活动详情' } }, async (req) => detail(req, req.params.id));

  r.patch('/api/meetings/:id', { schema: { params: idParams, body: meetingPatch, tags, summary: '修改会议活动（时间、地点、议程、材料、纪要）' } }, async (req) => {
    const { version, ...changes } = req.body;
    await updateActivity(database, actorOf(req), req.params.id, version, changes);
    return detail(req, req.params.id);
  });

  r.post('/api/meetings/:id/invitations', { schema: { params: idParams, body: inviteBody, tags, summary: '追加邀请' } }, async (req) => {
    await inviteMore(database, actorOf(req), req.params.id, req.body.version, req.body.invitations as InvitationScope[], link);
    return detail(req, req.params.id);
  });

  r.post('/api/meetings/:id/actions/:action', { schema: { params: actionParams, body: actionBody, tags, summary: '结束并确认考勤、重新打开、取消' } }, async (req) => {
    const actor: Actor = actorOf(req);
    const { id, action } = req.params;
    if (action === 'close') await closeActivity(database, actor, id, req.body.version);
    else if (action === 'reopen') await reopenActivity(database, actor, id, req.body.version);
    else {
      if (!req.body.reason) throw AppError.field('reason', '说明', '取消活动须说明原因');
      await cancelActivity(database, actor, id, req.body.version, req.body.reason);
    }
    return detail(req, id);
  });

  r.post('/api/meetings/:id/reply', { schema: { params: idParams, body: replyBody, tags, summary: '回复出席' } }, async (req) => {
    await replyToInvitation(database, actorOf(req), req.params.id, req.body.attend);
    return detail(req, req.params.id);
  });

  r.post('/api/meetings/:id/leave', { schema: { params: idParams, body: leaveBody, tags, summary: '请假' } }, async (req) => {
    await requestLeave(database, actorOf(req), req.params.id, req.body.reason, link(req.params.id));
    return detail(req, req.params.id);
  });

  r.get('/api/meetings/:id/qr', { schema: { params: idParams, tags, summary: '现场签到码（每分钟更新）' } }, async (req) => issueCheckInToken(database, actorOf(req), req.params.id, now()));

  r.post('/api/meetings/:id/check-in', { schema: { params: idParams, body: checkInBody, tags, summary: '扫码签到' } }, async (req) => {
    const actor = actorOf(req);
    const mine = await checkInWithToken(database, actor, req.params.id, req.body.token, now());
    const s = await loadActivity(db, actor, req.params.id);
    return { checkedInAt: mine.checkedInAt, meeting: presentSummary(actor, s) };
  });

  r.post('/api/meetings/:id/attendance/:memberId', { schema: { params: memberParams, body: attendanceBody, tags, summary: '代为签到、记录迟到与早退' } }, async (req) => {
    const { version, ...record } = req.body;
    await recordAttendance(database, actorOf(req), req.params.id, req.params.memberId, version, record);
    return detail(req, req.params.id);
  });
}
