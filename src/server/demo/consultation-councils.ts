import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import type { Actor } from '../platform/auth/actor.js';
import { chinaToday } from '../platform/calendar/workdays.js';
import type { CommandContext } from '../platform/commands/context.js';
import { members } from '../modules/members/schema.js';
import { addItem, addParticipant, createCouncil, decideCouncil, editCouncil, updateItem } from '../modules/consultation/commands/councils.js';
import type { Council } from '../modules/consultation/council-workflow.js';
import { consultationCouncilItems } from '../modules/consultation/schema.js';
import type { CouncilParty } from '../../shared/consultation/council-labels.js';

type Person = { party: Exclude<CouncilParty, 'member'>; name: string; unit: string; phone?: string };

/** Walks a council to 协商议事 through the commands: opened, its people seated, topic set, researched, held. */
async function heldCouncil(
  ctx: CommandContext,
  c: { topic: string; organizer: string; place: string; opinions?: string; research?: string; memberIds: string[]; people: Person[]; day: string; minutes: string },
): Promise<Council> {
  let council = await createCouncil(ctx, { topic: c.topic, organizer: c.organizer, place: c.place, opinions: c.opinions ?? null });
  for (const memberId of c.memberIds) council = await addParticipant(ctx, { id: council.id, version: council.version, party: 'member', memberId });
  for (const p of c.people) council = await addParticipant(ctx, { id: council.id, version: council.version, ...p });
  council = await decideCouncil(ctx, { id: council.id, action: 'setTopic', body: { version: council.version } });
  if (c.research) council = await editCouncil(ctx, { id: council.id, version: council.version, research: c.research });
  council = await decideCouncil(ctx, { id: council.id, action: 'research', body: { version: council.version } });
  return decideCouncil(ctx, { id: council.id, action: 'deliberate', body: { version: council.version, day: c.day, minutes: c.minutes } });
}

/**
 * A livelihood council as 联系群众 recorded them before they became grassroots councils (and as the
 * migration leaves them): held at a street's 民生议事厅 with the members who took part, its 议事情况
 * written, the result not (yet) published. The outreach demo records six of these.
 */
export async function recordHeldCouncil(ctx: CommandContext, c: { topic: string; day: string; place: string; memberIds: string[]; summary: string; street: string }): Promise<Council> {
  return heldCouncil(ctx, {
    topic: c.topic, organizer: `${c.street}政协联络组`, place: c.place, memberIds: c.memberIds, day: c.day, minutes: c.summary,
    people: [],
  });
}

/**
 * The demo's two featured grassroots councils (五方六步) of 龙岗区: 老旧小区加装电梯 at 布吉街道 —
 * held, its result published on the portal and three agreed items being followed (one done); and
 * 城中村背街小巷停车 at 坂田街道, at 议前调研 with its five parties seated.
 */
export async function seedDemoCouncils(database: Database, as: (username: string) => Actor): Promise<void> {
  const office = as('office');
  const now = new Date();
  const today = chinaToday(now);
  const ctx: CommandContext = { database, actor: office, today, now };
  const year = today.slice(0, 4);
  const back = (days: number) => {
    const d = new Date(Date.parse(`${today}T00:00:00Z`) - days * 86400_000).toISOString().slice(0, 10);
    return d < `${year}-01-02` ? `${year}-01-02` : d;
  };
  // two members of the roster besides the demo accounts, the first by code
  const others = await database.db.select({ id: members.id }).from(members)
    .where(and(eq(members.committeeId, office.committeeId), eq(members.status, 'active'), eq(members.position, 'member'))).orderBy(asc(members.code)).limit(8);
  const accountIds = new Set(['member', 'member2', 'member3'].map((u) => as(u).memberId));
  const two = others.map((m) => m.id).filter((id) => !accountIds.has(id)).slice(0, 2);

  let lift = await heldCouncil(ctx, {
    topic: '长龙花园老旧小区加装电梯', organizer: '布吉街道政协联络组', place: '布吉街道长龙社区“有事好商量”协商议事室',
    opinions: '社区网格员和委员入户走访长龙花园12栋住户，收集意见87条：高层老人上下楼难、低层住户担心采光和噪声、费用分摊和后期维保无人牵头是主要分歧。',
    research: '委员会同区住房和建设局、街道规划土地监察队实地查看6栋楼的管线和消防通道，走访已加装电梯的丹竹头小区，梳理出审批材料清单和分摊参考方案。',
    memberIds: [as('member2').memberId!, ...two],
    people: [
      { party: 'party', name: '陈志强', unit: '布吉街道长龙社区党委' },
      { party: 'government', name: '刘海燕', unit: '区住房和建设局' },
      { party: 'government', name: '黄建华', unit: '布吉街道办事处' },
      { party: 'resident', name: '张秀英', unit: '长龙花园3栋业主代表', phone: '13912340001' },
      { party: 'resident', name: '李国平', unit: '长龙花园1栋业主代表', phone: '13912340002' },
      { party: 'expert', name: '王立新', unit: '区特种设备安全协会' },
    ],
    day: back(20),
    minutes: '五方代表围绕“装不装、怎么装、钱怎么出”充分协商。低层住户代表提出补偿诉求，专家介绍了贴墙式井道减少遮光的做法，住建局说明了补贴政策和审批流程。',
  });
  lift = await decideCouncil(ctx, {
    id: lift.id, action: 'publish',
    body: { version: lift.version, result: '经协商一致：长龙花园3栋、5栋先行试点加装电梯，采用贴墙式井道；费用按楼层系数分摊，一楼住户不承担费用，二楼减半；街道协调管线迁改，区住建局开辟审批绿色通道，社区牵头成立业主协调小组负责施工期间沟通和后期维保。' },
  });
  const items = [
    { title: '成立3栋、5栋加装电梯业主协调小组，签订费用分摊协议', responsible: '布吉街道长龙社区党委', dueOn: back(5) },
    { title: '开辟加装电梯审批绿色通道，一次性告知所需材料', responsible: '区住房和建设局', dueOn: null },
    { title: '协调燃气、供水管线迁改，施工前完成方案', responsible: '布吉街道办事处', dueOn: null },
  ];
  for (const item of items) lift = await addItem(ctx, { id: lift.id, version: lift.version, ...item });
  lift = await decideCouncil(ctx, { id: lift.id, action: 'follow', body: { version: lift.version } });
  const rows = await database.db.select().from(consultationCouncilItems).where(inArray(consultationCouncilItems.councilId, [lift.id])).orderBy(asc(consultationCouncilItems.position));
  lift = await updateItem(ctx, { id: lift.id, itemId: rows[0].id, version: lift.version, status: 'done', progress: '两栋楼业主协调小组已成立，42户签订分摊协议。' });
  lift = await updateItem(ctx, { id: lift.id, itemId: rows[1].id, version: lift.version, progress: '审批材料清单已在街道便民服务大厅公示，3栋申请已受理。' });

  let parking = await createCouncil(ctx, {
    topic: '坂田城中村背街小巷停车难', organizer: '坂田街道政协联络组', place: '坂田街道五和社区协商议事室',
    opinions: '通过社情民意联系点和社区议事箱收集意见53条，集中在背街小巷乱停车堵塞消防通道、夜间车位不足和临时停车收费不统一。',
  });
  for (const memberId of [as('member').memberId!, as('member3').memberId!]) parking = await addParticipant(ctx, { id: parking.id, version: parking.version, party: 'member', memberId });
  const people: Person[] = [
    { party: 'party', name: '周丽娟', unit: '坂田街道五和社区党委' },
    { party: 'government', name: '吴振东', unit: '区交通运输局坂田交通运输所' },
    { party: 'resident', name: '何伟明', unit: '五和村居民代表', phone: '13912340003' },
    { party: 'expert', name: '郑晓燕', unit: '区城市交通规划研究中心' },
  ];
  for (const p of people) parking = await addParticipant(ctx, { id: parking.id, version: parking.version, ...p });
  parking = await decideCouncil(ctx, { id: parking.id, action: 'setTopic', body: { version: parking.version } });
  parking = await editCouncil(ctx, { id: parking.id, version: parking.version, research: '委员和交通规划专家分时段实地统计五和村主要巷道停车情况，正在梳理周边闲置地块和学校、商场错时共享车位的可行性。' });
  await decideCouncil(ctx, { id: parking.id, action: 'research', body: { version: parking.version } });
}
