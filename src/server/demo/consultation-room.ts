import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import type { Actor } from '../platform/auth/actor.js';
import { chinaToday } from '../platform/calendar/workdays.js';
import { consultations } from '../modules/consultation/schema.js';
import { openRoom } from '../modules/consultation/commands/rooms.js';
import { moderatePost, postFromPublic, postInRoom, supportPost } from '../modules/consultation/commands/room-posts.js';
import { addPoll, castBallot } from '../modules/consultation/commands/room-polls.js';

const day = 24 * 3600_000;

/**
 * The demo's 网络议政室: the plan's online consultation on fire safety in urban villages, open to
 * members and the public from two days ago for two weeks — members' posts and replies with support,
 * a public post approved and one waiting in the office's queue, a single-choice poll and a ranking.
 */
export async function seedDemoRoom(database: Database, as: (username: string) => Actor) {
  const office = as('office');
  const now = new Date();
  const ctxOf = (actor: Actor) => ({ database, actor, today: chinaToday(now), now });
  const [c] = await database.db.select().from(consultations)
    .where(and(eq(consultations.committeeId, office.committeeId), eq(consultations.form, 'online'), eq(consultations.year, Number(chinaToday(now).slice(0, 4)))));
  if (!c) return;
  const room = await openRoom(ctxOf(office), {
    consultationId: c.id, title: '城中村消防安全治理网络议政', publicAccess: true,
    intro: '围绕城中村“三小场所”、出租屋和电动自行车充电的消防隐患，请委员和群众就隐患排查、充电设施建设、群防群治等提出意见建议，议政成果将形成综述报送区委、区政府。',
    opensAt: new Date(now.getTime() - 2 * day), closesAt: new Date(now.getTime() + 12 * day),
  });
  const say = (who: string, body: string, parentId?: string) => postInRoom(ctxOf(as(who)), { roomId: room.id, body, parentId });
  const first = await say('member', '建议在城中村集中建设电动自行车智能充电棚，按栋配建、统一管理，配套定时断电和烟感报警，从源头减少入户充电、飞线充电。');
  const second = await say('member2', '出租屋“一楼一档”消防台账要落实到房东和二房东，街道网格员每月巡查一次，对逃生通道堵塞、防盗网未留逃生口的限期整改。');
  await say('member3', '可以借鉴兄弟区经验，对城中村小餐饮、小作坊推广简易喷淋和独立式烟感，财政给予一定补贴，降低经营户的改造成本。');
  await say('member2', '赞同。充电棚的场地可以优先利用村股份公司的闲置空地，收费标准由街道统一指导，避免变相涨价。', first.id);
  await say('member3', '台账建议和“智慧消防”平台打通，巡查结果在线登记、整改情况可追溯。', second.id);
  for (const [who, post] of [['member2', first], ['member3', first], ['member', second]] as const) await supportPost(ctxOf(as(who)), { id: post.id });

  const publicPost = await postFromPublic(database, { roomId: room.id, committeeId: room.committeeId, now, nickname: '布吉街坊', body: '我们村巷子很窄，消防车进不来，希望增设微型消防站，配齐灭火器和水带，平时组织居民演练。' });
  await moderatePost(ctxOf(office), { id: publicPost.id, action: 'approve', body: { version: publicPost.version } });
  // waiting in the office's moderation queue
  await postFromPublic(database, { roomId: room.id, committeeId: room.committeeId, now, nickname: '坂田租客', body: '楼道里经常停满电动车，房东说了也不听，能不能明确由谁来管？' });

  const priority = await addPoll(ctxOf(office), {
    roomId: room.id, question: '您认为城中村消防安全治理最应优先解决的问题是？', kind: 'single',
    options: ['电动自行车入户充电', '出租屋逃生通道不畅', '“三小场所”消防设施不足', '消防车通道被占用'], maxChoices: null,
  });
  const ranking = await addPoll(ctxOf(office), {
    roomId: room.id, question: '请对以下治理措施按您认为的重要程度排序', kind: 'ranking',
    options: ['建设集中充电设施', '落实房东消防责任', '增设微型消防站', '开展消防宣传演练'], maxChoices: null,
  });
  for (const [who, single, order] of [['member2', 0, [0, 1, 2, 3]], ['member3', 2, [1, 0, 3, 2]]] as const) {
    await castBallot(ctxOf(as(who)), { pollId: priority.id, choices: [single] });
    await castBallot(ctxOf(as(who)), { pollId: ranking.id, choices: [...order] });
  }
}
