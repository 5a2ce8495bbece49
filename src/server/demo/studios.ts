import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import type { Actor, Office, Role } from '../platform/auth/actor.js';
import { users } from '../platform/auth/schema.js';
import { chinaToday } from '../platform/calendar/workdays.js';
import { members } from '../modules/members/schema.js';
import { studios } from '../modules/org/schema.js';
import { saveStudioProfile } from '../modules/studios/commands/profile.js';
import { receiveQuestion } from '../modules/studios/commands/ask.js';
import { actOnQuestion } from '../modules/studios/commands/act.js';

const actorOf = (u: typeof users.$inferSelect): Actor => ({
  userId: u.id, committeeId: u.committeeId, name: u.displayName, roles: u.roles as Role[], office: (u.office as Office) ?? null, memberId: u.memberId, unitId: u.unitId,
});

/** Where each demo studio receives people and when (made up for 龙岗's streets and sectors). */
const profiles: Record<string, { place: string; openingHours: string; introduction: string }> = {
  龙城街道委员工作室: { place: '龙城街道 爱联社区党群服务中心二楼', openingHours: '每周三 14:30—17:30', introduction: '由龙城街道辖区的区政协委员组成，每月固定接待日听取居民意见，围绕老旧小区改造、社区养老开展协商议事。' },
  坂田街道委员工作室: { place: '坂田街道 五和社区党群服务中心', openingHours: '每周四 9:00—12:00', introduction: '聚焦产业园区和城中村治理，邀请企业和居民代表座谈，收集的意见转化为提案和社情民意信息。' },
  '布吉街道“有事好商量”委员工作室': { place: '布吉街道 布吉社区“有事好商量”议事厅', openingHours: '每月第一、三周周五 14:30—17:00', introduction: '“有事好商量”协商平台的委员工作室，围绕交通出行、学位供给与街道、社区和居民一起商量办法。' },
  医药卫生界委员工作室: { place: '区人民医院 门诊楼一楼 委员工作室', openingHours: '每周二 15:00—17:00', introduction: '医药卫生界委员开展健康义诊和咨询，关注基层医疗、医保报销和公共卫生服务。' },
  教育界委员工作室: { place: '龙岗区教师发展中心 302室', openingHours: '每周一 16:00—18:00', introduction: '教育界委员围绕学位建设、课后服务和青少年心理健康听取家长和教师意见。' },
  经济界委员工作室: { place: '区投资推广和企业服务中心 五楼', openingHours: '每周五 9:30—11:30', introduction: '经济界委员联系中小企业和个体工商户，收集营商环境、融资和用工方面的诉求。' },
  民盟委员工作室: { place: '龙岗街道 民盟龙岗区基层委员会活动室', openingHours: '每月第二周周六 9:00—11:30', introduction: '民盟界别委员发挥教育文化专长，开展送教下乡、读书分享和社情民意收集。' },
  九三学社委员工作室: { place: '坪地街道 九三学社科普活动中心', openingHours: '每月第四周周六 9:00—11:30', introduction: '九三学社界别委员开展科普进社区，关注科技创新和生态环境保护。' },
};

/** Questions the public asked the studio of the demo's member: answered and published, answered, and one waiting. */
const questions = [
  { daysAgo: 20, askerName: '陈先生', askerContact: '13600001111', body: '我们小区是2000年建的老楼，想加装电梯，政府有补贴吗？怎么申请？', answer: '既有住宅加装电梯可申请区财政补贴。请业主达成一致意见后，向所在街道办事处城建科提交申请材料，工作室委员可协助联系街道和设计单位。', publish: true },
  { daysAgo: 12, askerName: null, askerContact: 'parent2026@example.cn', body: '孩子明年上小学，我们是租房住的，积分入学需要准备哪些材料？', answer: '租房家庭需准备房屋租赁凭证、社保缴纳证明和户籍材料，具体以区教育局当年发布的招生公告为准；工作室将在招生季前举办政策解读会。', publish: true },
  { daysAgo: 5, askerName: '李女士', askerContact: '13800002222', body: '社区里老人多，能不能在附近多办几个长者食堂？', answer: '已将您的建议整理为社情民意信息，并在工作室接待日与街道民政部门沟通，后续进展会在工作室页面公开。', publish: false },
  { daysAgo: 1, askerName: null, askerContact: '13900003333', body: '地铁站出口到小区这段路晚上没有路灯，能反映一下吗？', answer: null, publish: false },
];

const daysBefore = (now: Date, n: number) => new Date(now.getTime() - n * 86400_000);

/**
 * The demo's 委员工作室: each studio's public profile, kept by 委员科 (roster), and 线上咨询 asked of the
 * studio the demo's member serves in, answered by the member and published by the staff — through the
 * same commands the pages use. The member is placed in a studio first if the drawn roster left them out
 * (委员科 keeps who serves where).
 */
export async function seedDemoStudios(database: Database): Promise<void> {
  const { db } = database;
  const accounts = await db.select().from(users).where(inArray(users.username, ['roster', 'member']));
  const staff = actorOf(accounts.find((u) => u.username === 'roster')!);
  const member = actorOf(accounts.find((u) => u.username === 'member')!);
  const now = new Date();
  const ctx = (actor: Actor, at: Date) => ({ database, actor, today: chinaToday(at), now: at });

  const rows = await db.select().from(studios).where(eq(studios.committeeId, staff.committeeId)).orderBy(asc(studios.sortOrder));
  for (const s of rows) {
    const profile = profiles[s.name];
    if (profile) await saveStudioProfile(ctx(staff, daysBefore(now, 30)), { id: s.id, version: s.version, ...profile });
  }

  const [mine] = await db.select({ studioId: members.studioId }).from(members).where(and(eq(members.id, member.memberId!)));
  const studioId = mine?.studioId ?? rows[0]!.id;
  const studio = rows.find((r) => r.id === studioId)!;
  if (!mine?.studioId) await db.update(members).set({ studioId }).where(eq(members.id, member.memberId!));
  for (const q of questions) {
    const askedAt = daysBefore(now, q.daysAgo);
    let asked = await receiveQuestion(database, studio, q, askedAt);
    if (!q.answer) continue;
    const answeredAt = daysBefore(now, q.daysAgo - 1);
    asked = await actOnQuestion(ctx(member, answeredAt), { id: asked.id, action: 'answer', input: { version: asked.version, answer: q.answer } });
    if (q.publish) await actOnQuestion(ctx(staff, answeredAt), { id: asked.id, action: 'publish', input: { version: asked.version } });
  }
}
