import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import type { Actor, Office, Role } from '../platform/auth/actor.js';
import { users } from '../platform/auth/schema.js';
import { chinaToday } from '../platform/calendar/workdays.js';
import type { CommandContext } from '../platform/commands/context.js';
import { parseCsv } from '../platform/csv.js';
import { members } from '../modules/members/schema.js';
import { specialCommittees } from '../modules/org/schema.js';
import { assignDuty, opensOn } from '../modules/members-home/commands/duties.js';
import { logVisit } from '../modules/members-home/commands/visits.js';
import { convertSuggestion } from '../modules/members-home/commands/convert.js';
import { homeSuggestions } from '../modules/members-home/schema.js';
import { localise } from './opinions.js';
import { demoStreets } from './organisation.js';
import { personName, pickFrom, rng } from './people.js';

const dataFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data/taidi2020_wenzheng_messages_labeled.csv');
const clip = (s: string, n: number) => ([...s].length > n ? [...s].slice(0, n).join('') + '……' : s);

const actorOf = (u: typeof users.$inferSelect): Actor => ({
  userId: u.id, committeeId: u.committeeId, name: u.displayName, roles: u.roles as Role[], office: (u.office as Office) ?? null, memberId: u.memberId, unitId: u.unitId,
});

/** What members bring to the Home (界别 work, their own duties) — with the suggestions such talks yield. */
const memberTopics: { topic: string; said: string; suggestions: string[] }[] = [
  { topic: '界别活动开展', said: '反映本界别委员分散在各街道，集中活动难，希望委员之家提供固定活动场地和时间。', suggestions: ['建议委员之家每月固定一个界别活动日，按界别轮流使用'] },
  { topic: '提案办理反馈', said: '去年提出的学校周边交通安全提案已答复，但落实进度不清楚，希望跟踪督办。', suggestions: ['建议对答复为“正在解决”的提案建立半年回访机制'] },
  { topic: '民营企业融资', said: '所在商会会员企业反映中小微企业贷款担保难、续贷周期长。', suggestions: ['建议区政府设立中小微企业转贷应急资金池', '建议推动银行对优质中小企业开展无还本续贷'] },
  { topic: '社区养老服务', said: '走访发现部分老旧社区长者食堂覆盖不足，高龄独居老人就餐困难。', suggestions: ['建议按常住老年人口配置社区长者饭堂，推广“中央厨房+配送”模式'] },
  { topic: '履职培训', said: '新任委员希望系统学习提案撰写和社情民意信息报送方法。', suggestions: [] },
  { topic: '基层医疗', said: '社区健康服务中心全科医生不足，居民首诊意愿不强。', suggestions: ['建议实施社区全科医生薪酬激励计划，落实家庭医生签约服务费'] },
  { topic: '义务教育学位', said: '新建住宅小区集中入住，片区小学学位紧张，家长焦虑。', suggestions: ['建议建立新建小区入住人口与学位供给联动预警机制'] },
  { topic: '营商环境', said: '企业办理施工许可仍需多次往返，材料重复提交。', suggestions: ['建议推行工程建设项目审批“一次告知、一表申请、一窗受理”'] },
  { topic: '河道治理', said: '雨季前后河道垃圾清理不及时，沿岸居民反映异味。', suggestions: ['建议将支流河道纳入河长制日常巡查并公开巡查结果'] },
  { topic: '委员联系群众', said: '交流在结对联系界别群众中收集到的意见，商量如何形成提案。', suggestions: [] },
];

/**
 * Demo 委员之家 of 龙岗区: a rota for every day the Home opened this year up to the end of this month
 * (a member of the chairs' meeting and a special committee's director each day, in turn), visits on
 * the days already past — members of the committee and residents (from real citizen messages,
 * taidi 2020) — entered by the general office from the Home's paper log, with the suggestions they
 * brought; a few the chair received became the chair's opinion reports. The
 * demo accounts `member`, `member2`, `member3` are neither on duty nor visitors, so their own
 * records stay as the other demos left them. All through the module's commands.
 */
export async function seedDemoMembersHome(database: Database): Promise<void> {
  const { db } = database;
  const accounts = await db.select().from(users).where(inArray(users.username, ['office', 'member', 'member2', 'member3', 'leader']));
  const as = (u: string) => actorOf(accounts.find((a) => a.username === u)!);
  const office = as('office');
  const leader = as('leader');
  const committeeId = office.committeeId;
  const reserved = new Set(['member', 'member2', 'member3'].map((u) => as(u).memberId));
  const roster = await db.select().from(members).where(and(eq(members.committeeId, committeeId), eq(members.status, 'active'))).orderBy(asc(members.code));
  const chairs = roster.filter((m) => m.position === 'chair' || m.position === 'viceChair');
  const committees = await db.select().from(specialCommittees).where(eq(specialCommittees.committeeId, committeeId)).orderBy(asc(specialCommittees.sortOrder));
  // a special committee's director: a standing member who sits on it
  const directors = committees
    .map((c) => ({ committee: c, member: roster.find((m) => m.position === 'standingMember' && m.specialCommitteeIds.includes(c.id)) }))
    .filter((d): d is { committee: typeof d.committee; member: (typeof roster)[number] } => !!d.member);
  const visitors = roster.filter((m) => m.position === 'member' && !reserved.has(m.id));
  const messages = parseCsv(readFileSync(dataFile, 'utf8')).filter((m) => [...m.detail].length >= 40);

  const today = chinaToday();
  const ctxOf = (actor: Actor): CommandContext => ({ database, actor, today, now: new Date(`${today}T16:00:00+08:00`) });
  const [y, mo] = today.split('-').map(Number) as [number, number];
  const end = new Date(Date.UTC(y, mo, 0)).toISOString().slice(0, 10);
  const r = rng(53);
  let turn = 0;
  let converted = 0;
  for (let t = Date.parse(`${y}-01-01T00:00:00Z`); ; t += 86400000) {
    const day = new Date(t).toISOString().slice(0, 10);
    if (day > end) break;
    if (!(await opensOn(db, committeeId, day))) continue;
    const chair = chairs[turn % chairs.length]!;
    const director = directors[turn % directors.length]!;
    turn++;
    const duties = [
      await assignDuty(ctxOf(office), { day, memberId: chair.id, capacity: 'chair', specialCommitteeId: null, note: '主席接待日 下午2:30—5:30' }),
      ...(director ? [await assignDuty(ctxOf(office), { day, memberId: director.member.id, capacity: 'director', specialCommitteeId: director.committee.id, note: null })] : []),
    ];
    if (day >= today) continue;
    for (const duty of duties) {
      // the office enters the Home's paper log; only the chair (the demo's `leader`) has an account to convert with
      const n = 1 + Math.floor(r() * 2);
      for (let i = 0; i < n; i++) {
        if (r() < 0.7) {
          const talk = pickFrom(r, memberTopics);
          const visitor = pickFrom(r, visitors);
          await logVisit(ctxOf(office), { dutyId: duty.id, visitorMemberId: visitor.id, visitorName: null, visitorNote: null, topic: talk.topic, said: talk.said, suggestions: r() < 0.5 ? talk.suggestions : [] });
        } else {
          const m = pickFrom(r, messages);
          const said = clip(localise(m.detail), 300);
          const gender = r() < 0.5 ? '男' : '女';
          await logVisit(ctxOf(office), {
            dutyId: duty.id,
            visitorMemberId: null, visitorName: personName(r, gender), visitorNote: `${pickFrom(r, demoStreets)}居民`, topic: clip(localise(m.subject), 28), said,
            suggestions: r() < 0.35 ? [`建议相关部门尽快研究解决：${clip(localise(m.subject), 60)}`] : [],
          });
        }
      }
      // a few suggestions the chair received in the months past became the chair's opinion reports (drafts)
      if (duty.memberId === leader.memberId && converted < 6 && day < `${y}-${String(mo).padStart(2, '0')}-01`) {
        const [s] = await db.select().from(homeSuggestions).where(eq(homeSuggestions.dutyId, duty.id)).limit(1);
        if (s) {
          await convertSuggestion(ctxOf(leader), { id: s.id, version: s.version, into: 'opinion', title: clip(s.body.replace(/^建议/, '关于'), 40) + '的建议', author: 'duty' });
          converted++;
        }
      }
    }
  }
}
