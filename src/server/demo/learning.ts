import { and, asc, eq, inArray, like } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { users } from '../platform/auth/schema.js';
import { toActor } from '../platform/auth/sessions.js';
import { chinaToday } from '../platform/calendar/workdays.js';
import { systemActor, type Actor, type Role } from '../platform/auth/actor.js';
import type { CommandContext } from '../platform/commands/context.js';
import { notifications } from '../platform/notifications/schema.js';
import { members } from '../modules/members/schema.js';
import { actOnItem, createItem, markLearned } from '../modules/learning/commands/items.js';
import { createGroup } from '../modules/learning/commands/groups.js';
import { checkIn, featureCheckin } from '../modules/learning/commands/checkins.js';
import { rng } from './people.js';

/** 每日一学 of the last days, as a district office writes them: a passage, where it is from. */
const items = [
  { title: '人民政协是社会主义协商民主的重要渠道和专门协商机构', source: '《中国人民政治协商会议章程》总纲',
    body: '人民政协作为社会主义协商民主的重要渠道和专门协商机构，要发挥好在国家治理体系中的重要作用，坚持团结和民主两大主题，把协商民主贯穿履行职能全过程。' },
  { title: '政协委员要懂政协、会协商、善议政', source: '全国政协委员履职培训讲义',
    body: '政协委员是政协工作的主体。要加强学习，做到懂政协、会协商、善议政，守纪律、讲规矩、重品行，努力成为所联系界别群众的代言人。' },
  { title: '提案是政协委员履职的重要方式', source: '《政协提案工作条例》第二条',
    body: '提案是政协委员和参加政协的各党派、各人民团体以及政协各专门委员会向政协全体会议或者常务委员会提出的、经审查立案后交承办单位办理的书面意见和建议。好提案要选题精准、调研深入、建议可行。' },
  { title: '社情民意信息要反映真实情况', source: '《政协社情民意信息工作办法》',
    body: '反映社情民意信息，要坚持实事求是，做到情况真实、问题准确、建议可行，一事一报、简明扼要，及时反映群众的所思所想所盼。' },
  { title: '民主监督是协商式监督', source: '《关于加强和改进人民政协民主监督工作的意见》',
    body: '人民政协民主监督是参加人民政协的各党派团体和各族各界人士在政协组织的各项活动中，通过提出意见、批评、建议的方式进行的协商式监督，是我国社会主义监督体系的重要组成部分。' },
  { title: '以高质量履职服务中心大局', source: '区政协常委会工作报告（摘编）',
    body: '全区各级政协组织和广大政协委员要紧扣全区中心工作，围绕教育、医疗、养老等民生关切深入调研、协商议政，以高质量履职为全区高质量发展贡献智慧和力量。' },
];

/** What the reading group read, chapter by chapter, and what members wrote. */
const readings = ['序言和第一章', '第二章 协商民主的历史发展', '第三章 人民政协的性质定位', '第四章 政协委员的履职', '第五章 专门协商机构建设', '第六章 凝聚共识'];
const notes = [
  '读到协商民主贯穿履职全过程，深感提案调研要更扎实，下一步结合界别特点开展走访。',
  '人民政协是专门协商机构，委员要在协商中凝聚共识，在履职中发挥作用。',
  '书中关于“懂政协、会协商、善议政”的论述很有启发，准备结合本界别实际写一篇学习体会。',
  null,
  '协商不是为了争输赢，而是为了找到最大公约数，这一点对基层协商议事很有指导意义。',
];

/**
 * Demo 学习 of 龙岗区: 每日一学 for the last six days, published by 办公室 and marked learned by part
 * of the members on the day; a 书香政协 reading group started three weeks ago, with check-ins and notes
 * of its members (two notes featured). The accounts `member`, `member2`, `member3` learned nothing
 * and checked in nowhere (`member` and `member2` are in the group), so their records stay as the other
 * demos left them; the notices of past items are read. All through the module's commands.
 */
export async function seedDemoLearning(database: Database): Promise<void> {
  const { db } = database;
  const accounts = await db.select().from(users).where(inArray(users.username, ['office', 'member', 'member2', 'member3']));
  const office = toActor(accounts.find((a) => a.username === 'office')!);
  const reserved = ['member', 'member2', 'member3'].map((u) => accounts.find((a) => a.username === u)?.memberId ?? null);
  const committeeId = office.committeeId;
  const today = chinaToday();
  const day = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
  const ctxOf = (actor: Actor, on: string, hour = 9): CommandContext => ({ database, actor, today: on, now: new Date(`${on}T${String(hour).padStart(2, '0')}:00:00+08:00`) });
  const roster = await db.select().from(members).where(and(eq(members.committeeId, committeeId), eq(members.status, 'active'))).orderBy(asc(members.code));
  const others = roster.filter((m) => !reserved.includes(m.id) && m.position === 'member');
  // most demo members have no account: they act as themselves through the system (as the evaluation demo's voters)
  const actorOfMember = new Map(others.map((m) => [m.id, { ...systemActor(committeeId), name: m.name, roles: ['member'] as Role[], memberId: m.id }]));
  const learners = others;
  const r = rng(61);

  for (const [i, item] of items.entries()) {
    const on = day(i - items.length + 1);
    const draft = await createItem(ctxOf(office, on, 8), { ...item, link: null, forDate: on });
    await actOnItem(ctxOf(office, on, 8), { id: draft.id, action: 'publish', version: draft.version });
    // a handful of members learn each on its day (a real committee's far more; the demo stays quick to seed)
    for (const m of learners.filter(() => r() < 0.5).slice(0, 12)) await markLearned(ctxOf(actorOfMember.get(m.id)!, on, 20), { id: draft.id });
  }

  const readers = learners.slice(0, 6);
  const group = await createGroup(ctxOf(office, day(-21)), {
    name: '书香政协第一读书小组', bookTitle: '人民政协理论与实践', description: '围绕人民政协性质定位和委员履职共读一本书，每周至少打卡两次，每月开展一次交流分享。',
    startsOn: day(-20), endsOn: day(40), memberIds: [...readers.map((m) => m.id), ...reserved.slice(0, 2).filter((x): x is string => !!x)],
  });
  let featured = 0;
  for (const [k, m] of readers.entries()) {
    for (let n = 0; n < 3; n++) {
      const on = day(-18 + n * 6 + k);
      const note = notes[(k + n) % notes.length] ?? null;
      const c = await checkIn(ctxOf(actorOfMember.get(m.id)!, on, 21), { groupId: group.id, reading: readings[(n * 2 + k) % readings.length]!, note });
      if (note && featured < 2 && n === 0) {
        await featureCheckin(ctxOf(office, on, 22), { id: c.id, version: c.version, featured: true });
        featured++;
      }
    }
  }
  // the notices of the demo's items and group were read long ago
  await db.update(notifications).set({ readAt: new Date() }).where(and(eq(notifications.committeeId, committeeId), like(notifications.link, '/learning/%')));
}
