import { readFileSync } from 'node:fs';
import type { CommandContext } from '../platform/commands/context.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import type { Actor, Office, Role } from '../platform/auth/actor.js';
import { users } from '../platform/auth/schema.js';
import { chinaToday } from '../platform/calendar/workdays.js';
import { parseCsv } from '../platform/csv.js';
import { units } from '../modules/org/schema.js';
import { createOpinion } from '../modules/opinions/commands/draft-opinion.js';
import { decideOpinion } from '../modules/opinions/commands/decide-opinion.js';
import { editOpinion } from '../modules/opinions/commands/edit-opinion.js';
import { combineOpinions } from '../modules/opinions/commands/combine-opinions.js';
import { instructOpinion, recordAdoption } from '../modules/opinions/commands/record-facts.js';
import { decideIncoming } from '../modules/opinions/commands/incoming.js';
import { assignOpinion } from '../modules/opinions/commands/assign-opinion.js';
import { opinionFiles } from '../modules/opinions/commands/attachments.js';
import { createIssue, issueAction } from '../modules/opinions/commands/issues.js';
import type { Opinion } from '../modules/opinions/workflow.js';
import { createContactPoint, updateContactPoint } from '../modules/opinions/contact-points/commands.js';

const dataFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data/taidi2020_wenzheng_messages_labeled.csv');

/** What a member would suggest for each kind of problem the citizens' messages raise. */
const suggestions: Record<string, string[]> = {
  城乡建设: ['住建部门会同街道开展专项排查，明确整改责任和时限', '对违规施工、违规收费等行为依法查处并公开结果', '建立群众诉求限时办结和回访机制'],
  环境保护: ['生态环境部门加密监测并公开数据', '对污染源实行清单管理，限期整改', '发动社区和志愿者参与日常监督'],
  交通运输: ['交通部门优化线路和站点设置', '交警部门加强高峰时段疏导和违法整治', '完善无障碍和慢行交通设施'],
  教育文体: ['教育部门统筹学位供给，公开招生规则', '规范校外培训和收费行为', '加强家校沟通，及时回应家长关切'],
  劳动和社会保障: ['人社部门畅通欠薪、社保投诉渠道并限时办结', '加强对用人单位的劳动保障监察', '做好政策宣传解读，简化办事流程'],
  商贸旅游: ['市场监管部门加强执法检查', '完善消费纠纷快速调解机制', '引导经营者诚信经营、明码标价'],
  卫生健康: ['卫健部门加强医疗机构监管和服务质量考核', '优化预约挂号和就诊流程', '加大基层医疗资源投入'],
};

/** The anonymised places of the message set (A市、A3区、K8县) become the demo district. */
export const localise = (s: string) =>
  s
    .replace(/[A-Z]\d*市[A-Z]\d*[区县]/g, '我区')
    .replace(/[A-Z]\d*[市区县]/g, '我区')
    .replace(/\d{7,}/g, '×××')
    .replace(/\s+/g, '')
    .trim();

/** A citizen's message rewritten as a report: the facts as reported, then the member's suggestions. */
export function reportFromMessage(m: Record<string, string>) {
  const category = m.category_l1 === '卫生计生' ? '卫生健康' : m.category_l1;
  const subject = localise(m.subject).replace(/^(投诉|举报|请求|关于|咨询|反映)/, '').replace(/[！!？?。]+$/, '');
  let detail = localise(m.detail);
  if ([...detail].length > 420) detail = [...detail].slice(0, 420).join('').replace(/[^。！？]*$/, '') || [...detail].slice(0, 420).join('') + '……';
  const [a, b, c] = suggestions[category] ?? suggestions.城乡建设;
  return {
    title: `关于解决“${[...subject].slice(0, 40).join('')}”问题的建议`,
    body: `近期有群众反映：${detail}\n这一问题关系群众切身利益，群众反映较为强烈，有关部门应予重视。\n建议：一是${a}；二是${b}；三是${c}。`,
    category,
  };
}

const actorOf = (u: typeof users.$inferSelect): Actor => ({
  userId: u.id, committeeId: u.committeeId, name: u.displayName, roles: u.roles as Role[], office: (u.office as Office) ?? null, memberId: u.memberId, unitId: u.unitId,
});

/**
 * Demo reports from real citizen messages (taidi 2020), written up by the demo members of 龙岗区
 * in every state: a draft, waiting, declined with feedback, edited and adopted into a published
 * issue with a district instruction, combined from two authors, passed to a department, sent up
 * to 深圳市政协 and adopted there with a city instruction, and one still waiting at the city. Runs
 * through the module's own commands, so revisions, audit rows, credit and notices are all real.
 */
export async function seedDemoOpinions(database: Database): Promise<void> {
  const messages = parseCsv(readFileSync(dataFile, 'utf8')).filter((m) => [...m.detail].length >= 60 && [...m.detail].length <= 700);
  const byCategory = (c: string) => messages.filter((m) => m.category_l1 === c);
  const picks = ['城乡建设', '交通运输', '教育文体', '环境保护', '劳动和社会保障', '卫生计生', '商贸旅游'].flatMap((c) => byCategory(c).slice(0, 3));
  let next = 0;
  const report = () => reportFromMessage(picks[next++ % picks.length]);

  const names = ['member', 'member2', 'member3', 'info', 'leader', 'city_info', 'ft_member', 'ft_info'];
  const accounts = await database.db.select().from(users).where(inArray(users.username, names));
  const as = (username: string) => actorOf(accounts.find((u) => u.username === username)!);
  const [member, member2, member3, info, leader, cityInfo, ftMember, ftInfo] = names.map(as);
  const today = chinaToday();
  const ctx = (actor: Actor): CommandContext => ({ database, actor, today, now: new Date(`${today}T10:00:00+08:00`) });

  // 社情民意联系点 of 龙岗区 with their liaison people; every other report of its members came through one
  const points = await seedDemoContactPoints(ctx(info), [member, member2, member3]);
  let drafted = 0;
  const viaPoint = (who: Actor) => (who.committeeId === info.committeeId && drafted++ % 2 === 0 ? points[(drafted >> 1) % points.length].id : null);

  type Text = ReturnType<typeof report> & { authorType?: 'member' | 'party'; authorBody?: string };
  const draft = (who: Actor, o: Text = report()) => createOpinion(ctx(who), { draft: { authorType: 'member', contactPointId: viaPoint(who), ...o } });
  const submit = async (who: Actor, o: Text = report()) => {
    const d = await draft(who, o);
    return decideOpinion(ctx(who), { id: d.id, action: 'submit', input: { version: d.version } });
  };
  const adopt = (o: Opinion, issueId: string) => decideOpinion(ctx(info), { id: o.id, action: 'adopt', input: { version: o.version, issueId } });

  // 龙岗区: waiting (one with the citizen's own message attached), draft, declined
  await draft(member);
  const source = picks[next % picks.length];
  const withLetter = await draft(member2);
  await opinionFiles.attach(ctx(member2), { id: withLetter.id, file: { filename: '群众来信摘录.txt', data: Buffer.from(`${localise(source.subject)}\n\n${localise(source.detail)}\n`, 'utf8') } });
  await decideOpinion(ctx(member2), { id: withLetter.id, action: 'submit', input: { version: withLetter.version } });
  await submit(member3);
  const personal = await submit(member);
  await decideOpinion(ctx(info), { id: personal.id, action: 'decline', input: { version: personal.version, feedback: '所反映问题属个案诉求，建议通过12345热线或信访渠道反映。' } });
  const party = await draft(info, { ...report(), authorType: 'party', authorBody: '民盟龙岗区基层委员会' });
  await decideOpinion(ctx(info), { id: party.id, action: 'submit', input: { version: party.version } });

  // issue 1: edited, adopted, approved, signed by the chair, published; a district instruction
  const issue1 = await createIssue(ctx(info), {});
  let a = await submit(member);
  a = await editOpinion(ctx(info), { id: a.id, version: a.version, title: a.title.replace('问题的建议', '问题亟待解决'), body: a.body, note: '精简标题' });
  a = await adopt(a, issue1.id);
  const b = await adopt(await submit(member2), issue1.id);
  let i1 = await issueAction(ctx(info), { action: 'approve', id: issue1.id, version: issue1.version });
  i1 = await issueAction(ctx(leader), { action: 'sign', id: i1.id, version: i1.version });
  await issueAction(ctx(info), { action: 'publish', id: i1.id, version: i1.version });
  await instructOpinion(ctx(leader), { id: a.id, leaderName: leader.name, level: 'district', instructedOn: today, text: '请相关部门认真研究，尽快解决群众反映的问题。', followUp: '已转区住房建设局办理。' });
  await recordAdoption(ctx(info), { id: b.id, level: 'district', mode: 'alone', adoptedBy: '区住房建设局', department: '区住房建设局', adoptedOn: today });

  // combined from two authors, adopted into issue 2 (still being composed)
  const issue2 = await createIssue(ctx(info), {});
  const s1 = await submit(member2);
  const s2 = await submit(member3);
  const base = reportFromMessage(picks[next++ % picks.length]);
  const combined = await combineOpinions(ctx(info), { ids: [s1.id, s2.id], versions: { [s1.id]: s1.version, [s2.id]: s2.version }, ...base, category: s1.category });
  await adopt(combined, issue2.id);

  // passed to a department through the handling primitive
  const water = await database.db.select().from(units).where(and(eq(units.committeeId, info.committeeId), eq(units.name, '区水务局')));
  const env = await submit(member3, reportFromMessage(byCategory('环境保护')[4] ?? picks[0]));
  if (water[0]) await assignOpinion(ctx(info), { id: env.id, version: env.version, assignments: [{ unitId: water[0].id, role: 'sole' }] });

  // sent up to 深圳市政协: one adopted there with a city instruction, one waiting in the city's queue
  const up = await adopt(await submit(member), issue2.id);
  const sent = await decideOpinion(ctx(info), { id: up.id, action: 'sendUp', input: { version: up.version, note: '反映全市共性问题，建议市政协采用' } });
  const cityIssue = await createIssue(ctx(cityInfo), {});
  // a fresh send record is at version 1
  await decideIncoming(ctx(cityInfo), { id: sent.id, version: 1, adopt: true, mode: 'alone', issueId: cityIssue.id });
  await instructOpinion(ctx(cityInfo), { id: sent.id, leaderName: '深圳市副市长', level: 'city', instructedOn: today, text: '请市有关部门研究吸纳，并将办理情况反馈龙岗区政协。' });
  const waiting = await submit(member2);
  await decideOpinion(ctx(info), { id: waiting.id, action: 'sendUp', input: { version: waiting.version } });

  // 福田区: its own reports, one sent up too (龙岗区 never sees them)
  await submit(ftMember);
  const ft = await submit(ftMember);
  await decideOpinion(ctx(ftInfo), { id: ft.id, action: 'sendUp', input: { version: ft.version } });
}

/**
 * The demo district's 社情民意联系点 ("社情联系点·民意直通车", seed 002): in communities, an industrial
 * park, a sector's studio and a market, each with a member and a local liaison (phones for staff only).
 */
async function seedDemoContactPoints(ctx: CommandContext, [m1, m2, m3]: Actor[]) {
  const points = [
    { name: '龙城街道爱联社区联系点', kind: 'community', place: '龙城街道爱联社区党群服务中心', note: '每月第一个周六上午委员接待', liaisons: [{ memberId: m1.memberId, name: '' }, { memberId: null, name: '黄丽娟', phone: '13800138011' }] },
    { name: '坂田街道华为基地园区联系点', kind: 'enterprise', place: '坂田街道华为基地园区服务中心', note: '收集园区企业和员工诉求', liaisons: [{ memberId: m2.memberId, name: '' }, { memberId: null, name: '陈志强', phone: '13800138022' }] },
    { name: '布吉街道农批市场联系点', kind: 'community', place: '布吉街道布吉农产品批发市场管理处', note: '', liaisons: [{ memberId: null, name: '刘春梅', phone: '13800138033' }] },
    { name: '经济界别委员工作室联系点', kind: 'sector', place: '区委员之家二楼经济界别委员工作室', note: '界别委员轮值接待', liaisons: [{ memberId: m3.memberId, name: '' }, { memberId: m1.memberId, name: '' }] },
    { name: '南湾街道沙塘布社区联系点', kind: 'community', place: '南湾街道沙塘布社区工作站', note: '试点阶段，暂未启用', liaisons: [{ memberId: null, name: '钟伟', phone: '13800138055' }] },
  ] as const;
  const made = [];
  for (const p of points) made.push(await createContactPoint(ctx, { ...p, liaisons: p.liaisons.map((l) => ({ phone: null, ...l })) }));
  // the trial point is set up but not yet in use: members cannot name it
  const trial = made.pop()!;
  await updateContactPoint(ctx, { id: trial.id, version: trial.version, active: false });
  return made;
}
