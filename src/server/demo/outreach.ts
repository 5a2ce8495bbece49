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
import { sectors } from '../modules/org/schema.js';
import { completeDeed, createOwned } from '../modules/outreach/commands.js';
import { recordHeldCouncil } from './consultation-councils.js';
import type { Deed, Partner } from '../modules/outreach/kinds.js';
import { demoStreets } from './organisation.js';
import { personName, pickFrom, rng } from './people.js';

const dataFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data/taidi2020_wenzheng_messages_labeled.csv');

/** The anonymised places of the message set (A市、A3区) become the demo district. */
const localise = (s: string) => s.replace(/[A-Z]\d*市[A-Z]\d*[区县]/g, '我区').replace(/[A-Z]\d*[市区县]/g, '我区').replace(/\d{7,}/g, '×××').replace(/\s+/g, '').trim();
const clip = (s: string, n: number) => ([...s].length > n ? [...s].slice(0, n).join('') + '……' : s);

/** What a member does about each kind of problem people raise (follow-up and the deed's action). */
const followUps: Record<string, string[]> = {
  城乡建设: ['已将情况转街道办和住建部门，约定两周内回复', '联系社区工作站现场查看，督促物业整改'],
  环境保护: ['已向生态环境分局反映，对方承诺加密监测', '协调街道城管队开展专项整治'],
  交通运输: ['已向交警大队反映高峰时段疏导问题', '联系交通运输局研究调整公交站点'],
  教育文体: ['向教育局了解学位政策并答复家长', '协调学校与家长委员会面对面沟通'],
  劳动和社会保障: ['陪同当事人到人社部门劳动监察窗口投诉', '联系法律援助中心提供免费咨询'],
  商贸旅游: ['已转市场监管所调查处理', '协调商户与消费者调解'],
  卫生计生: ['联系社区健康服务中心安排上门服务', '向卫健局反映并跟进答复'],
};
const services = ['社区义诊', '敬老院慰问', '困难学生助学捐赠', '垃圾分类宣传进社区', '义务植树', '法律咨询进社区', '无偿献血', '关爱留守儿童'];
const ways = ['inPerson', 'inPerson', 'visit', 'visit', 'phone', 'online'] as const;

const actorOf = (u: typeof users.$inferSelect): Actor => ({
  userId: u.id, committeeId: u.committeeId, name: u.displayName, roles: u.roles as Role[], office: (u.office as Office) ?? null, memberId: u.memberId, unitId: u.unitId,
});

/**
 * Demo 联系群众 of 龙岗区 from real citizen messages (taidi 2020): paired contacts, contact logs,
 * practical deeds (some still in progress), public-service activities and livelihood councils
 * (grassroots councils held, 协商议事) recorded by the general office. Members fall into tiers — nothing yet, part of the yearly
 * minimum, just met, well beyond — so the quotas differ from member to member. The demo accounts
 * `member` (part of it), `member2` (met) and `member3` (little) record their own; the members
 * office (委员科) records for the others, as offices do from paper 民情日记. All through the
 * module's commands, so audit rows and ledger entries are real.
 */
export async function seedDemoOutreach(database: Database): Promise<void> {
  const { db } = database;
  const messages = parseCsv(readFileSync(dataFile, 'utf8')).filter((m) => [...m.detail].length >= 40 && followUps[m.category_l1]);
  const accounts = await db.select().from(users).where(inArray(users.username, ['member', 'member2', 'member3', 'roster', 'office']));
  const as = (username: string) => actorOf(accounts.find((u) => u.username === username)!);
  const roster = as('roster');
  const office = as('office');
  const own = new Map(['member', 'member2', 'member3'].map((u) => [as(u).memberId!, as(u)]));
  const sectorNames = new Map((await db.select().from(sectors).where(eq(sectors.committeeId, office.committeeId))).map((s) => [s.id, s.name]));
  const plain = await db.select().from(members).where(and(eq(members.committeeId, office.committeeId), eq(members.status, 'active'), eq(members.position, 'member'))).orderBy(asc(members.code));

  const today = chinaToday();
  /** the command context of a demo account, today */
  const contextFor = (actor: Actor): CommandContext => ({ database, actor, today, now: new Date(`${today}T10:00:00+08:00`) });
  const year = Number(today.slice(0, 4));
  const start = Date.parse(`${year}-01-02T00:00:00Z`);
  const span = Math.max(0, Date.parse(`${today}T00:00:00Z`) - start);
  /** A day of this year up to today, `f` of the way through. */
  const dayAt = (f: number) => new Date(start + Math.floor(f * span)).toISOString().slice(0, 10);
  const r = rng(31);
  let next = 0;
  const message = () => messages[next++ % messages.length];

  // the demo accounts first, at a known tier; then 50 more members at random tiers
  const tiers = new Map<string, number>([[as('member').memberId!, 1], [as('member2').memberId!, 2], [as('member3').memberId!, 0]]);
  const chosen = [...plain.filter((m) => tiers.has(m.id)), ...plain.filter((m) => !tiers.has(m.id)).slice(0, 50)];
  for (const m of chosen) {
    const tier = tiers.get(m.id) ?? pickFrom(r, [0, 1, 1, 2, 2, 3]);
    if (tier === 0) continue;
    const who = own.get(m.id) ?? roster;
    const memberId = own.has(m.id) ? undefined : m.id;
    const sector = sectorNames.get(m.sectorId ?? '') ?? '社会福利和社会保障界';
    const pairs: Partner[] = [];
    for (let i = 0; i < 3; i++) {
      const name = personName(r, r() < 0.5 ? '男' : '女');
      pairs.push((await createOwned(contextFor(who), 'partners', { memberId, name, sector: `${sector}·${pickFrom(r, demoStreets)}群众`, phone: `135${String(Math.floor(r() * 1e8)).padStart(8, '0')}` })) as Partner);
    }
    // contacts: tier 1 → 1–2 face to face, tier 2 → 3, tier 3 → 4–5; and a phone call or two that do not count
    const faceToFace = tier === 1 ? 1 + Math.floor(r() * 2) : tier === 2 ? 3 : 4 + Math.floor(r() * 2);
    const calls = Math.floor(r() * 2);
    for (let i = 0; i < faceToFace + calls; i++) {
      const msg = message();
      const pair = pairs[i % pairs.length];
      const way = i < faceToFace ? pickFrom(r, ways.slice(0, 4)) : pickFrom(r, ways.slice(4));
      await createOwned(contextFor(who), 'contacts', {
        memberId, day: dayAt((i + r()) / (faceToFace + calls + 1)), way,
        people: [{ name: pair.name, sector: pair.sector, partnerId: pair.id }, ...(r() < 0.3 ? [{ name: personName(r, '女'), sector: '社区居民', partnerId: null }] : [])],
        raised: clip(localise(msg.subject), 60) + '：' + clip(localise(msg.detail), 160),
        followUp: pickFrom(r, followUps[msg.category_l1]),
      });
    }
    // deeds: tier 1 → one in progress (and sometimes one done), tier 2 → 2 done, tier 3 → 3 done
    const done = tier === 1 ? (r() < 0.5 ? 1 : 0) : tier === 2 ? 2 : 3;
    for (let i = 0; i < done + (tier === 1 ? 1 : r() < 0.3 ? 1 : 0); i++) {
      const msg = message();
      const f = (i + 0.2) / (done + 2);
      const subject = clip(localise(msg.subject).replace(/^(投诉|举报|请求|关于|咨询|反映)/, '').replace(/[！!？?。]+$/, ''), 30);
      const d = (await createOwned(contextFor(who), 'deeds', {
        memberId, title: `协调解决“${subject}”`, problem: clip(localise(msg.detail), 300), action: pickFrom(r, followUps[msg.category_l1]),
        beneficiaries: pickFrom(r, ['周边居民约300户', '涉事职工12人', '该小区业主', '沿线商户和行人', '学生家长约80人']), day: dayAt(f),
      })) as Deed;
      if (i < done) await completeDeed(contextFor(who), { id: d.id, version: d.version, completedOn: dayAt(Math.min(1, f + 0.25)), result: '问题已解决，群众表示满意' });
    }
    // public service: 0–3 (Jinan counts each, up to 5)
    const times = tier === 1 ? Math.floor(r() * 2) : Math.floor(r() * 4);
    for (let i = 0; i < times; i++) {
      await createOwned(contextFor(who), 'services', { memberId, title: pickFrom(r, services), day: dayAt(r()), hours: pickFrom(r, [2, 3, 4, 8]), place: `${pickFrom(r, demoStreets)}` });
    }
  }

  // 民生议事会: six councils, each with 8–15 of the chosen members (the demo accounts at their tiers)
  const pool = chosen.map((m) => m.id);
  for (let i = 0; i < 6; i++) {
    const msg = message();
    const street = demoStreets[i % demoStreets.length];
    const picked = new Set<string>();
    if (i < 2) picked.add(as('member2').memberId!);
    if (i === 0) picked.add(as('member').memberId!);
    while (picked.size < 8 + Math.floor(r() * 8)) {
      const id = pickFrom(r, pool);
      if (id !== as('member3').memberId) picked.add(id);
    }
    await recordHeldCouncil(contextFor(office), {
      street, topic: clip(localise(msg.subject).replace(/^(投诉|举报|请求|关于|咨询|反映)/, '').replace(/[！!？?。]+$/, ''), 40), day: dayAt((i + 0.5) / 6),
      place: `${street}民生议事厅`, memberIds: [...picked], summary: `委员、街道、职能部门和群众代表围绕议题协商，形成意见：${pickFrom(r, followUps[msg.category_l1])}。`,
    });
  }
}
