import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf, contextOf } from '../../platform/http/context.js';
import { authorize, can, committeeSubject } from '../../platform/policy/policy.js';
import { chinaToday } from '../../platform/calendar/workdays.js';
import {
  districtParams, jointAttendanceBody, jointCancelPartBody, jointCloseBody, jointIdParams, jointInput, jointInviteBody, jointKinds, jointMemberParams, jointParticipations, jointPartParams,
  jointReopenPartBody, jointYearQuery,
} from '../../../shared/joint/inputs.js';
import { jointPaths as paths } from '../../../shared/joint/paths.js';
import { districtMembers as districtMembersAnswer, districtTotals as districtTotalsAnswer, jointDetail, jointDistricts, jointList, sentUp } from '../../../shared/joint/responses.js';
import { checkInToken } from '../../../shared/meetings/responses.js';
import { getSettings } from '../../platform/settings/settings.js';
import { venueToken } from '../../platform/activity/checkin.js';
import { jointCollectionPolicy, jointPolicy } from './policy.js';
import { jointSettings } from './settings.js';
import { loadChild, loadJoint } from './load.js';
import { districtMembers, listDistricts, listJoint, presentJoint, sentUpBy } from './queries.js';
import { districtTotals } from './totals.js';
import { scheduleJoint } from './commands/schedule-joint.js';
import { recordJointAttendance } from './commands/attendance.js';
import { closeJoint } from './commands/close-joint.js';
import { inviteDistricts } from './commands/invite-districts.js';
import { cancelPart } from './commands/cancel-part.js';
import { reopenPart } from './commands/reopen-part.js';

const tags = ['joint'];

/** 上下联动: joint inspections and research with the districts, the districts' totals, and what each sent up. */
export async function jointRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.services.database;
  const thisYear = () => Number(chinaToday(app.services.now()).slice(0, 4));

  r.get(paths.list, { config: { answers: { jointList } }, schema: { querystring: jointYearQuery, tags, summary: '联合视察调研列表' } }, async (req) => {
    const actor = actorOf(req);
    authorize(jointCollectionPolicy, 'read', actor, committeeSubject(actor));
    return { items: await listJoint(db, actor, req.query.year), canCreate: can(jointCollectionPolicy, 'create', actor, committeeSubject(actor)) };
  });

  r.post(paths.list, { config: { answers: { jointDetail } }, schema: { body: jointInput, tags, summary: '组织联合视察调研并邀请下级政协委员' } }, async (req) => {
    const actor = actorOf(req);
    const row = await scheduleJoint(contextOf(req), req.body);
    return presentJoint(db, actor, await loadJoint(db, actor, row.id));
  });

  r.get(paths.districts, { config: { answers: { jointDistricts } }, schema: { tags, summary: '下级政协' } }, async (req) => {
    const actor = actorOf(req);
    authorize(jointCollectionPolicy, 'read', actor, committeeSubject(actor));
    const { participation } = await getSettings(db, jointSettings, actor.committeeId, thisYear());
    return {
      items: await listDistricts(db, actor), kinds: Object.entries(jointKinds).map(([value, label]) => ({ value, label })),
      participations: Object.entries(jointParticipations).map(([value, label]) => ({ value, label })), participation,
    };
  });

  r.get(paths.districtMembers, { config: { answers: { districtMembers: districtMembersAnswer } }, schema: { params: districtParams, tags, summary: '下级政协委员（供邀请）' } }, async (req) => {
    const actor = actorOf(req);
    const district = await loadChild(db, actor, req.params.committeeId);
    authorize(jointCollectionPolicy, 'create', actor, committeeSubject(actor));
    return { district, items: await districtMembers(db, district.id) };
  });

  r.get(paths.sentUp, { config: { answers: { sentUp } }, schema: { params: districtParams, tags, summary: '下级政协报送的社情民意' } }, async (req) => {
    const actor = actorOf(req);
    const district = await loadChild(db, actor, req.params.committeeId);
    authorize(jointCollectionPolicy, 'totals', actor, committeeSubject(actor));
    return { district, ...(await sentUpBy(db, actor, district.id)) };
  });

  r.get(paths.totals, { config: { answers: { districtTotals: districtTotalsAnswer } }, schema: { querystring: jointYearQuery, tags, summary: '各区履职统计' } }, async (req) => {
    const actor = actorOf(req);
    authorize(jointCollectionPolicy, 'totals', actor, committeeSubject(actor));
    return districtTotals(db, actor.committeeId, req.query.year ?? thisYear());
  });

  r.get(paths.detail, { config: { answers: { jointDetail } }, schema: { params: jointIdParams, tags, summary: '联合视察调研详情' } }, async (req) => {
    const actor = actorOf(req);
    return presentJoint(db, actor, await loadJoint(db, actor, req.params.id));
  });

  r.post(paths.attendance, { config: { answers: { jointDetail } }, schema: { params: jointMemberParams, body: jointAttendanceBody, tags, summary: '联合活动代为签到' } }, async (req) => {
    const actor = actorOf(req);
    await recordJointAttendance(contextOf(req), { ...req.params, ...req.body });
    return presentJoint(db, actor, await loadJoint(db, actor, req.params.id));
  });

  r.post(paths.close, { config: { answers: { jointDetail } }, schema: { params: jointIdParams, body: jointCloseBody, tags, summary: '结束联合活动并确认考勤' } }, async (req) => {
    const actor = actorOf(req);
    await closeJoint(contextOf(req), { id: req.params.id, version: req.body.version });
    return presentJoint(db, actor, await loadJoint(db, actor, req.params.id));
  });

  r.post(paths.invite, { config: { answers: { jointDetail } }, schema: { params: jointIdParams, body: jointInviteBody, tags, summary: '追加邀请区政协' } }, async (req) => {
    const actor = actorOf(req);
    await inviteDistricts(contextOf(req), { id: req.params.id, ...req.body });
    return presentJoint(db, actor, await loadJoint(db, actor, req.params.id));
  });

  r.post(paths.cancelPart, { config: { answers: { jointDetail } }, schema: { params: jointPartParams, body: jointCancelPartBody, tags, summary: '取消区政协参加' } }, async (req) => {
    const actor = actorOf(req);
    await cancelPart(contextOf(req), { ...req.params, ...req.body });
    return presentJoint(db, actor, await loadJoint(db, actor, req.params.id));
  });

  r.post(paths.reopenPart, { config: { answers: { jointDetail } }, schema: { params: jointPartParams, body: jointReopenPartBody, tags, summary: '恢复区政协参加' } }, async (req) => {
    const actor = actorOf(req);
    await reopenPart(contextOf(req), { ...req.params, ...req.body });
    return presentJoint(db, actor, await loadJoint(db, actor, req.params.id));
  });

  // one venue code for every district: a member scanning it checks in to their own committee's part (jointVenue)
  r.get(paths.qr, { config: { answers: { checkInToken } }, schema: { params: jointIdParams, tags, summary: '联合活动现场签到码（每分钟更新）' } }, async (req) => {
    const actor = actorOf(req);
    const joint = await loadJoint(db, actor, req.params.id);
    authorize(jointPolicy, 'attendance', actor, joint);
    return venueToken(db, joint, contextOf(req).now);
  });
}
