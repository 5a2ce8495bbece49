import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, desc, eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors.js';
import { actorOf, contextOf } from '../../platform/http/context.js';
import { parseInput } from '../../platform/http/validation.js';
import { can, committeeSubject } from '../../platform/policy/policy.js';
import { getSettings } from '../../platform/settings/settings.js';
import { admitPublicSubmission } from '../../platform/public-forms/guard.js';
import { checkCommittee } from '../../platform/tenancy/committee.js';
import {
  ballotInput, pollCreate, pollParams, portalRoomPost, portalRoomsQuery, postActionBodies, postActionParams, postCreate, postParams, roomActionBodies, roomActionParams, roomCreate, roomParams, roomQuery,
} from '../../../shared/consultation/room-inputs.js';
import { consultationPaths as paths } from '../../../shared/consultation/paths.js';
import * as answer from '../../../shared/consultation/room-responses.js';
import { publicFormReceived } from '../../../shared/http/responses.js';
import { openRoom, decideRoom } from './commands/rooms.js';
import { moderatePost, postFromPublic, postInRoom, supportPost } from './commands/room-posts.js';
import { addPoll, castBallot } from './commands/room-polls.js';
import { loadRoom } from './room-load.js';
import { roomCollectionPolicy, roomPolicy } from './room-policy.js';
import { presentPortalRoom, presentRoom, presentRooms } from './room-presenter.js';
import { phaseOf } from './room-workflow.js';
import { consultationRooms } from './schema.js';
import { consultationSettings } from './settings.js';

const tags = ['consultation'];
/** Public and unauthenticated: limited per address like the portal's other pages. */
const open = (max: number) => ({ public: true, rateLimit: { max, timeWindow: '1 minute' } });

/** 网络议政室: the office opens and summarises rooms, members post, reply, support and vote; the public reads and posts through the portal. */
export async function roomRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app.services;
  const now = () => app.services.now(); // read at each request: a test may move the clock after registration
  const { db } = database;

  const detail = async (req: FastifyRequest, id: string) => {
    const actor = actorOf(req);
    const room = await loadRoom(db, actor, id, now());
    const settings = await getSettings(db, consultationSettings, room.committeeId, room.year);
    return presentRoom(db, actor, room, settings.roomMemberModeration);
  };

  r.get(paths.rooms, { config: { answers: { roomList: answer.roomList } }, schema: { querystring: roomQuery, tags, summary: '网络议政室列表' } }, async (req) => {
    const actor = actorOf(req);
    const where = [eq(consultationRooms.committeeId, actor.committeeId)];
    if (req.query.consultationId) where.push(eq(consultationRooms.consultationId, req.query.consultationId));
    const rows = await db.select().from(consultationRooms).where(and(...where)).orderBy(desc(consultationRooms.opensAt));
    const rooms = rows.map((x) => ({ ...x, phase: phaseOf(x, now()) })).filter((x) => can(roomPolicy, 'read', actor, x));
    return { items: await presentRooms(db, actor, rooms), actions: can(roomCollectionPolicy, 'create', actor, committeeSubject(actor)) ? ['create'] : [] };
  });
  r.post(paths.rooms, { config: { answers: { roomDetail: answer.roomDetail } }, schema: { body: roomCreate, tags, summary: '开设网络议政室' } }, async (req) => {
    const room = await openRoom(contextOf(req), req.body);
    return detail(req, room.id);
  });
  r.get(paths.room, { config: { answers: { roomDetail: answer.roomDetail } }, schema: { params: roomParams, tags, summary: '网络议政室（发言、回复、投票、待审核）' } }, async (req) => detail(req, req.params.id));
  r.post(paths.roomAction, { config: { answers: { roomDetail: answer.roomDetail } }, schema: { params: roomActionParams, tags, summary: '结束议政、重新开放、形成议政综述' } }, async (req) => {
    const { id, action } = req.params;
    await decideRoom(contextOf(req), { id, action, body: parseInput(roomActionBodies[action], req.body) as any });
    return detail(req, id);
  });
  r.post(paths.roomPosts, { config: { answers: { roomDetail: answer.roomDetail } }, schema: { params: roomParams, body: postCreate, tags, summary: '在议政室发言或回复' } }, async (req) => {
    await postInRoom(contextOf(req), { roomId: req.params.id, ...req.body });
    return detail(req, req.params.id);
  });
  r.post(paths.roomPolls, { config: { answers: { roomDetail: answer.roomDetail } }, schema: { params: roomParams, body: pollCreate, tags, summary: '发起议政投票（单选、多选、排序）' } }, async (req) => {
    await addPoll(contextOf(req), { roomId: req.params.id, ...req.body });
    return detail(req, req.params.id);
  });
  r.post(paths.postAction, { config: { answers: { roomDetail: answer.roomDetail } }, schema: { params: postActionParams, tags, summary: '审核发言：通过、不予发布、隐藏' } }, async (req) => {
    const { id, action } = req.params;
    const post = await moderatePost(contextOf(req), { id, action, body: parseInput(postActionBodies[action], req.body) as any });
    return detail(req, post.roomId);
  });
  r.post(paths.postSupport, { config: { answers: { roomDetail: answer.roomDetail } }, schema: { params: postParams, tags, summary: '支持一条发言' } }, async (req) => {
    const { roomId } = await supportPost(contextOf(req), { id: req.params.id });
    return detail(req, roomId);
  });
  r.post(paths.pollBallot, { config: { answers: { roomDetail: answer.roomDetail } }, schema: { params: pollParams, body: ballotInput, tags, summary: '投票（可在议政期间改投）' } }, async (req) => {
    const { roomId } = await castBallot(contextOf(req), { pollId: req.params.id, ...req.body });
    return detail(req, roomId);
  });

  // ── the public, through the portal ──
  const publicRoom = async (id: string) => {
    const [row] = await db.select().from(consultationRooms).where(eq(consultationRooms.id, id));
    // a room not opened to the public is one that does not exist
    if (!row || !row.publicAccess) throw AppError.notFound('网络议政室');
    const room = { ...row, phase: phaseOf(row, now()) };
    if (room.phase === 'upcoming') throw AppError.notFound('网络议政室');
    return room;
  };
  r.get(paths.portalRooms, { config: { ...open(120), answers: { portalRooms: answer.portalRooms } }, schema: { querystring: portalRoomsQuery, tags, summary: '公开门户：向社会公众开放的网络议政室' } }, async (req) => {
    await checkCommittee(database, req.query.committeeId);
    const rows = await db.select().from(consultationRooms).where(and(eq(consultationRooms.committeeId, req.query.committeeId), eq(consultationRooms.publicAccess, true))).orderBy(desc(consultationRooms.opensAt));
    const rooms = rows.map((x) => ({ ...x, phase: phaseOf(x, now()) })).filter((x) => x.phase !== 'upcoming');
    return { items: await Promise.all(rooms.map((x) => presentPortalRoom(db, x))) };
  });
  r.get(paths.portalRoom, { config: { ...open(120), answers: { portalRoom: answer.portalRoom } }, schema: { params: roomParams, tags, summary: '公开门户：网络议政室（经审核的发言、投票结果、综述）' } }, async (req) => presentPortalRoom(db, await publicRoom(req.params.id)));
  // 网友发言: the challenge and per-address ceiling of every public form, then held for the office
  r.post(paths.portalRoomPosts, { config: { ...open(20), answers: { publicFormReceived } }, schema: { params: roomParams, body: portalRoomPost, tags, summary: '公开门户：在网络议政室发言（经审核后公开）' } }, async (req) => {
    const { challengeId, challengeAnswer, ...draft } = req.body;
    const room = await publicRoom(req.params.id);
    if (room.phase !== 'open') throw AppError.invalidState('议政室已结束，只能查看，不能再发言');
    await admitPublicSubmission(db, { committeeId: room.committeeId, form: 'roomPost', address: req.ip, challengeId, challengeAnswer, now: now() });
    await postFromPublic(database, { roomId: room.id, committeeId: room.committeeId, now: now(), ...draft });
    return { message: '感谢您的发言！经政协办公室审核后将在议政室公开。' };
  });
}
