import type { FastifyInstance, FastifyRequest } from 'fastify';
import { decidesLeave } from './leave-approvers.js';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { asc, eq } from 'drizzle-orm';
import { actorOf, contextOf } from '../../platform/http/context.js';
import { onlyDeclared } from '../../platform/http/answers.js';
import { AppError } from '../../platform/errors.js';
import { authorize, can, committeeSubject } from '../../platform/policy/policy.js';
import { getSettings } from '../../platform/settings/settings.js';
import { chinaToday } from '../../platform/calendar/workdays.js';
import { activityKinds, outcomeLabels, scopeTypeLabels, type InvitationScope } from '../../platform/activity/kinds.js';
import { activityCollectionPolicy, type ActivitySubject } from '../../platform/activity/policy.js';
import { loadActivity } from '../../platform/activity/load.js';
import { activitySettings } from '../../platform/activity/settings.js';
import { inviteMore, scheduleActivity, updateActivity } from '../../platform/activity/schedule.js';
import { decideLeave, requestLeave, withdrawLeave } from '../../platform/activity/leave.js';
import { checkInByToken, checkInWithToken, issueCheckInToken, recordAttendance, replyToInvitation } from '../../platform/activity/checkin.js';
import { scheduleHalfDays } from '../../platform/activity/half-days.js';
import { cancelActivity, closeActivity, reopenActivity } from '../../platform/activity/close.js';
import { plenarySessions } from '../org/schema.js';
import { jointVenue } from '../joint/venue.js';
import {
  actionBody, actionParams, attendanceBody, checkInBody, decideLeaveBody, halfDaysInput, idParams, inviteBody, leaveBody, leaveQuery, meetingInput, meetingPatch, meetingQuery,
  replyBody, speechInput, speechQuery, speechSelectBody, withdrawBody, yearQuery,
} from '../../../shared/meetings/inputs.js';
import { meetingPaths as paths } from '../../../shared/meetings/paths.js';
import type { Presented } from '../../../shared/http/responses.js';
import { attendanceStats as attendanceAnswer, checkInAnswer, checkInToken, leaveQueue, meetingDetail, meetingList, meetingOptions, plenarySittings, speech, speechList } from '../../../shared/meetings/responses.js';
import { leaveQueueFor, presentDetail, presentSummary } from './presenter.js';
import { attendanceStats, listExtras, listMeetings, listSpeeches, loadSpeech, presentSpeeches } from './queries.js';
import { canSubmitSpeech } from './policy.js';
import { selectSpeech } from './commands/select-speech.js';
import { submitSpeech } from './commands/submit-speech.js';
import { withdrawSpeech } from './commands/withdraw-speech.js';
import { z } from 'zod';
import { meetingFileRoutes } from './file-routes.js';
import { meetingOwner } from './owner.js';

const tags = ['meetings'];
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

  r.get(paths.list, { config: { answers: { meetingList } }, schema: { querystring: meetingQuery, tags, summary: '会议活动列表' } }, async (req): Promise<Presented<typeof meetingList>> => {
    const actor = actorOf(req);
    const { rows, total } = await listMeetings(db, actor, req.query);
    const extras = await listExtras(db, actor, rows.map((x) => x.id));
    const settings = await getSettings(db, activitySettings, actor.committeeId, Number(today().slice(0, 4)));
    const items = rows.map((row) => {
      const s: ActivitySubject = { ...row, mine: extras.mine.get(row.id) ?? null, approverOffices: settings.leaveApproverOffices };
      return presentSummary(actor, s, extras.counts.get(row.id), extras.myLeave.get(row.id));
    });
    return { items, total, canCreate: can(activityCollectionPolicy, 'create', actor, committeeSubject(actor)) };
  });

  r.get(paths.options, { config: { answers: { meetingOptions } }, schema: { tags, summary: '会议活动表单选项' } }, async (req): Promise<Presented<typeof meetingOptions>> => {
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
      // the rules the form tells of, not every setting of the module
      settings: onlyDeclared(meetingOptions.shape.settings, settings),
      canSubmitSpeech: canSubmitSpeech(actor),
    };
  });

  r.get(paths.leaveQueue, { config: { answers: { leaveQueue } }, schema: { querystring: leaveQuery, tags, summary: '请假审批队列' } }, async (req) => {
    const actor = actorOf(req);
    if (!(await decidesLeave(db, actor, today()))) throw AppError.forbidden('只有指定科室可以审批请假'); // leaveApprovalPolicy, as the menu
    return { items: await leaveQueueFor(db, actor, req.query.status) };
  });

  r.post(paths.decideLeave, { config: { answers: { meetingDetail } }, schema: { params: idParams, body: decideLeaveBody, tags, summary: '审批请假' } }, async (req) => {
    const updated = await decideLeave(contextOf(req), meetingOwner, { id: req.params.id, ...req.body });
    return detail(req, updated.activityId);
  });

  r.post(paths.withdrawLeave, { config: { answers: { meetingDetail } }, schema: { params: idParams, body: withdrawBody, tags, summary: '撤回请假' } }, async (req) => {
    const updated = await withdrawLeave(contextOf(req), { id: req.params.id, version: req.body.version });
    return detail(req, updated.activityId);
  });

  r.get(paths.stats, { config: { answers: { attendanceStats: attendanceAnswer } }, schema: { querystring: yearQuery, tags, summary: '出席统计（每次活动、每位委员）' } }, async (req) => {
    const actor = actorOf(req);
    if (!can(activityCollectionPolicy, 'stats', actor, committeeSubject(actor))) throw AppError.forbidden('只有工作人员和领导可以查看出席统计');
    return attendanceStats(db, actor, req.query.year ?? Number(today().slice(0, 4)));
  });

  r.get(paths.speeches, { config: { answers: { speechList } }, schema: { querystring: speechQuery, tags, summary: '大会发言列表' } }, async (req) => ({ items: await listSpeeches(db, actorOf(req), req.query) }));

  r.post(paths.speeches, { config: { answers: { speech } }, schema: { body: speechInput, tags, summary: '提交大会发言' } }, async (req) => {
    const actor = actorOf(req);
    const s = await submitSpeech(contextOf(req), req.body);
    return (await presentSpeeches(db, actor, [s]))[0];
  });

  r.get(paths.speech, { config: { answers: { speech } }, schema: { params: idParams, tags, summary: '大会发言详情' } }, async (req) => {
    const actor = actorOf(req);
    const s = await loadSpeech(db, actor, req.params.id);
    return (await presentSpeeches(db, actor, [s]))[0];
  });

  r.post(paths.selectSpeech, { config: { answers: { speech } }, schema: { params: idParams, body: speechSelectBody, tags, summary: '遴选大会发言（口头、书面、不采用）' } }, async (req) => {
    const actor = actorOf(req);
    await loadSpeech(db, actor, req.params.id);
    const s = await selectSpeech(contextOf(req), { id: req.params.id, ...req.body });
    return (await presentSpeeches(db, actor, [s]))[0];
  });

  r.post(paths.withdrawSpeech, { config: { answers: { speech } }, schema: { params: idParams, body: withdrawBody, tags, summary: '撤回大会发言' } }, async (req) => {
    const actor = actorOf(req);
    await loadSpeech(db, actor, req.params.id);
    const s = await withdrawSpeech(contextOf(req), { id: req.params.id, version: req.body.version });
    return (await presentSpeeches(db, actor, [s]))[0];
  });

  r.post(paths.list, { config: { answers: { meetingDetail } }, schema: { body: meetingInput, tags, summary: '安排会议活动并发出邀请' } }, async (req) => {
    const actor = actorOf(req);
    authorize(activityCollectionPolicy, 'create', actor, committeeSubject(actor));
    const { invitations, ...fields } = req.body;
    const row = await scheduleActivity(contextOf(req), meetingOwner, { ...fields, invitations: invitations as InvitationScope[] });
    return detail(req, row.id);
  });

  r.post(paths.plenary, { config: { answers: { plenarySittings } }, schema: { body: halfDaysInput, tags, summary: '安排全体会议（每半天一场）' } }, async (req) => {
    const actor = actorOf(req);
    const { halfDays, invitations, ...fields } = req.body;
    const rows = await scheduleHalfDays(contextOf(req), meetingOwner, { ...fields, kind: 'plenary', invitations: invitations as InvitationScope[], halfDays });
    return { items: rows.map((row) => presentSummary(actor, { ...row, mine: null, approverOffices: [] })) };
  });

  // the page the venue QR code opens: the token alone says which event
  r.post(paths.checkInByToken, { config: { answers: { checkInAnswer } }, schema: { body: checkInBody, tags, summary: '扫码签到（签到码页面）' } }, async (req): Promise<Presented<typeof checkInAnswer>> => {
    const actor = actorOf(req);
    const mine = await checkInByToken(contextOf(req), { token: req.body.token }, jointVenue);
    const s = await loadActivity(db, actor, mine.activityId);
    return { checkedInAt: mine.checkedInAt, meeting: presentSummary(actor, s) };
  });

  r.get(paths.detail, { config: { answers: { meetingDetail } }, schema: { params: idParams, tags, summary: '会议活动详情' } }, async (req) => detail(req, req.params.id));

  r.patch(paths.detail, { config: { answers: { meetingDetail } }, schema: { params: idParams, body: meetingPatch, tags, summary: '修改会议活动（时间、地点、议程、材料、纪要）' } }, async (req) => {
    await updateActivity(contextOf(req), { id: req.params.id, ...req.body });
    return detail(req, req.params.id);
  });

  r.post(paths.invitations, { config: { answers: { meetingDetail } }, schema: { params: idParams, body: inviteBody, tags, summary: '追加邀请' } }, async (req) => {
    await inviteMore(contextOf(req), meetingOwner, { id: req.params.id, version: req.body.version, invitations: req.body.invitations as InvitationScope[] });
    return detail(req, req.params.id);
  });

  r.post(paths.action, { config: { answers: { meetingDetail } }, schema: { params: actionParams, body: actionBody, tags, summary: '结束并确认考勤、重新打开、取消' } }, async (req) => {
    const ctx = contextOf(req);
    const { id, action } = req.params;
    const { version, reason } = req.body;
    if (action === 'close') await closeActivity(ctx, { id, version });
    else if (action === 'reopen') await reopenActivity(ctx, { id, version });
    else {
      if (!reason) throw AppError.field('reason', '说明', '取消活动须说明原因');
      await cancelActivity(ctx, { id, version, reason });
    }
    return detail(req, id);
  });

  r.post(paths.reply, { config: { answers: { meetingDetail } }, schema: { params: idParams, body: replyBody, tags, summary: '回复出席' } }, async (req) => {
    await replyToInvitation(contextOf(req), { activityId: req.params.id, attend: req.body.attend });
    return detail(req, req.params.id);
  });

  r.post(paths.leave, { config: { answers: { meetingDetail } }, schema: { params: idParams, body: leaveBody, tags, summary: '请假' } }, async (req) => {
    await requestLeave(contextOf(req), meetingOwner, { activityId: req.params.id, reason: req.body.reason });
    return detail(req, req.params.id);
  });

  r.get(paths.qr, { config: { answers: { checkInToken } }, schema: { params: idParams, tags, summary: '现场签到码（每分钟更新）' } }, async (req) => issueCheckInToken(contextOf(req), { activityId: req.params.id }));

  r.post(paths.checkIn, { config: { answers: { checkInAnswer } }, schema: { params: idParams, body: checkInBody, tags, summary: '扫码签到' } }, async (req): Promise<Presented<typeof checkInAnswer>> => {
    const actor = actorOf(req);
    const mine = await checkInWithToken(contextOf(req), { activityId: req.params.id, token: req.body.token }, jointVenue);
    const s = await loadActivity(db, actor, req.params.id);
    return { checkedInAt: mine.checkedInAt, meeting: presentSummary(actor, s) };
  });

  r.post(paths.attendance, { config: { answers: { meetingDetail } }, schema: { params: memberParams, body: attendanceBody, tags, summary: '代为签到、记录迟到与早退' } }, async (req) => {
    await recordAttendance(contextOf(req), { activityId: req.params.id, memberId: req.params.memberId, ...req.body });
    return detail(req, req.params.id);
  });
}
