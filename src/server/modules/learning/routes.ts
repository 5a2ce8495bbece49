import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf, contextOf } from '../../platform/http/context.js';
import { parseInput } from '../../platform/http/validation.js';
import { authorize, can, committeeSubject } from '../../platform/policy/policy.js';
import { chinaToday } from '../../platform/calendar/workdays.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../db/client.js';
import {
  checkinInput, closeGroupBody, featureBody, groupInput, groupUpdate, idParams, itemActionBodies, itemActionParams, itemInput, itemUpdate, yearQuery,
} from '../../../shared/learning/inputs.js';
import { learningPaths as paths } from '../../../shared/learning/paths.js';
import { checkinRow, groupDetail, groupList, groupRow, itemDetail, itemList, itemRow, myLearning } from '../../../shared/learning/responses.js';
import { checkIn, featureCheckin } from './commands/checkins.js';
import { closeGroup, createGroup, updateGroup } from './commands/groups.js';
import { actOnItem, createItem, markLearned, updateItem } from './commands/items.js';
import { loadCheckin, loadGroup, loadItem } from './load.js';
import { itemPolicy, learningCollectionPolicy, type GroupSubject } from './policy.js';
import { presentCheckin, presentGroup, presentItem } from './presenter.js';
import { checkinsOf, groupFacts, itemFigures, listGroups, listItems, marksOf, memberNames, whoLearned, yearRecord } from './queries.js';
import type { LearningItemRow } from './schema.js';

const tags = ['learning'];

/** Items as this person reads them, with their marks and (for the keeping offices) the figures, in a few queries for any number. */
export async function presentItems(db: Executor, actor: Actor, rows: LearningItemRow[]) {
  const ids = rows.map((r) => r.id);
  const [marks, figures] = await Promise.all([marksOf(db, actor.memberId, ids), rows.some((r) => can(itemPolicy, 'figures', actor, r)) ? itemFigures(db, actor.committeeId, ids) : new Map()]);
  return rows.map((r) => presentItem(actor, r, marks.get(r.id) ?? null, figures.get(r.id) ?? null));
}

export async function presentGroups(db: Executor, actor: Actor, groups: GroupSubject[], today: string) {
  const { counts, todayIds } = await groupFacts(db, groups.map((g) => g.id), actor.memberId, today);
  return groups.map((g) => presentGroup(actor, g, counts.get(g.id) ?? 0, todayIds.has(g.id)));
}

/** 学习: 每日一学 items, 书香政协 reading groups and check-ins, and a member's 我的学习. */
export async function learningRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.services.database;
  const today = () => chinaToday(app.services.now());

  const itemAnswer = async (actor: Actor, id: string) => {
    const item = await loadItem(db, actor, id);
    const [row] = await presentItems(db, actor, [item]);
    const people = can(itemPolicy, 'figures', actor, item) ? await whoLearned(db, item) : { learnedBy: null, notLearnedBy: null };
    return { ...row!, ...people };
  };
  const groupAnswer = async (actor: Actor, id: string) => {
    const g = await loadGroup(db, actor, id);
    const [row] = await presentGroups(db, actor, [g], today());
    const [checkins, names] = await Promise.all([checkinsOf(db, id), memberNames(db, g.memberIds)]);
    const counts = new Map<string, number>();
    for (const c of checkins) counts.set(c.c.memberId, (counts.get(c.c.memberId) ?? 0) + 1);
    return {
      ...row!,
      members: g.memberIds.map((m) => ({ memberId: m, name: names.get(m) ?? '', checkins: counts.get(m) ?? 0 })).sort((a, b) => a.name.localeCompare(b.name, 'zh')),
      checkins: checkins.map((c) => presentCheckin(actor, c.c, g, c.name)),
    };
  };

  // ── 每日一学 ──
  r.get(paths.items, { config: { answers: { learningItemList: itemList } }, schema: { tags, summary: '每日一学列表（工作人员全部；委员已发布的）' } }, async (req) => {
    const actor = actorOf(req);
    authorize(learningCollectionPolicy, 'list', actor, committeeSubject(actor));
    return { items: await presentItems(db, actor, await listItems(db, actor)), actions: can(learningCollectionPolicy, 'create', actor, committeeSubject(actor)) ? ['create'] : [] };
  });
  r.post(paths.items, { config: { answers: { learningItem: itemRow } }, schema: { body: itemInput, tags, summary: '起草每日一学' } }, async (req) => {
    const item = await createItem(contextOf(req), req.body);
    return (await presentItems(db, actorOf(req), [item]))[0]!;
  });
  r.get(paths.item, { config: { answers: { learningItemDetail: itemDetail } }, schema: { params: idParams, tags, summary: '每日一学（工作人员另见已学、未学名单）' } }, async (req) => itemAnswer(actorOf(req), req.params.id));
  r.patch(paths.item, { config: { answers: { learningItemDetail: itemDetail } }, schema: { params: idParams, body: itemUpdate, tags, summary: '修改每日一学草稿' } }, async (req) => {
    await updateItem(contextOf(req), { id: req.params.id, ...req.body });
    return itemAnswer(actorOf(req), req.params.id);
  });
  r.post(paths.itemAction, { config: { answers: { learningItemDetail: itemDetail } }, schema: { params: itemActionParams, tags, summary: '发布、撤回每日一学（发布时通知委员）' } }, async (req) => {
    const { id, action } = req.params;
    const { version } = parseInput(itemActionBodies[action], req.body);
    await actOnItem(contextOf(req), { id, action, version });
    return itemAnswer(actorOf(req), id);
  });
  r.post(paths.itemLearned, { config: { answers: { learningItemDetail: itemDetail } }, schema: { params: idParams, tags, summary: '标记已学（每人每条一次）' } }, async (req) => {
    await markLearned(contextOf(req), { id: req.params.id });
    return itemAnswer(actorOf(req), req.params.id);
  });

  // ── 书香政协 ──
  r.get(paths.groups, { config: { answers: { readingGroupList: groupList } }, schema: { tags, summary: '读书小组列表（工作人员全部；委员所在小组）' } }, async (req) => {
    const actor = actorOf(req);
    authorize(learningCollectionPolicy, 'list', actor, committeeSubject(actor));
    return { items: await presentGroups(db, actor, await listGroups(db, actor), today()), actions: can(learningCollectionPolicy, 'create', actor, committeeSubject(actor)) ? ['create'] : [] };
  });
  r.post(paths.groups, { config: { answers: { readingGroup: groupRow } }, schema: { body: groupInput, tags, summary: '新建读书小组' } }, async (req) => {
    const g = await createGroup(contextOf(req), req.body);
    const actor = actorOf(req);
    return (await presentGroups(db, actor, [await loadGroup(db, actor, g.id)], today()))[0]!;
  });
  r.get(paths.group, { config: { answers: { readingGroupDetail: groupDetail } }, schema: { params: idParams, tags, summary: '读书小组（成员、打卡和读书心得）' } }, async (req) => groupAnswer(actorOf(req), req.params.id));
  r.patch(paths.group, { config: { answers: { readingGroupDetail: groupDetail } }, schema: { params: idParams, body: groupUpdate, tags, summary: '修改读书小组' } }, async (req) => {
    await updateGroup(contextOf(req), { id: req.params.id, ...req.body });
    return groupAnswer(actorOf(req), req.params.id);
  });
  r.post(paths.groupClose, { config: { answers: { readingGroupDetail: groupDetail } }, schema: { params: idParams, body: closeGroupBody, tags, summary: '结束读书小组' } }, async (req) => {
    await closeGroup(contextOf(req), { id: req.params.id, ...req.body });
    return groupAnswer(actorOf(req), req.params.id);
  });
  r.post(paths.groupCheckins, { config: { answers: { readingGroupDetail: groupDetail } }, schema: { params: idParams, body: checkinInput, tags, summary: '读书打卡（每人每天一次）' } }, async (req) => {
    await checkIn(contextOf(req), { groupId: req.params.id, ...req.body });
    return groupAnswer(actorOf(req), req.params.id);
  });
  r.post(paths.checkinFeature, { config: { answers: { readingCheckin: checkinRow } }, schema: { params: idParams, body: featureBody, tags, summary: '评为（或取消）优秀读书心得' } }, async (req) => {
    const actor = actorOf(req);
    await featureCheckin(contextOf(req), { id: req.params.id, ...req.body });
    const c = await loadCheckin(db, actor, req.params.id);
    return presentCheckin(actor, c, c.group, (await memberNames(db, [c.memberId])).get(c.memberId) ?? '');
  });

  // ── 我的学习 ──
  r.get(paths.mine, { config: { answers: { myLearning } }, schema: { querystring: yearQuery, tags, summary: '我的学习：今日学习、未学、我的读书小组、本年学习记录' } }, async (req) => {
    const actor = actorOf(req);
    authorize(learningCollectionPolicy, 'mine', actor, committeeSubject(actor));
    const day = today();
    const year = req.query.year ?? Number(day.slice(0, 4));
    const published = (await listItems(db, actor)).filter((i) => i.status === 'published' && i.forDate <= day);
    const items = await presentItems(db, actor, published);
    const todayItem = items.find((i) => i.forDate === day) ?? null;
    return {
      today: day, year, todayItem,
      unlearned: items.filter((i) => !i.learned).slice(0, 50),
      groups: await presentGroups(db, actor, await listGroups(db, actor), day),
      record: await yearRecord(db, actor.committeeId, actor.memberId!, year),
    };
  });
}
