import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import type { CommandContext } from '../platform/commands/context.js';
import type { Actor, Office, Role } from '../platform/auth/actor.js';
import { systemActor } from '../platform/auth/actor.js';
import { users } from '../platform/auth/schema.js';
import { chinaToday } from '../platform/calendar/workdays.js';
import { signAssignment } from '../platform/handling/assignments.js';
import { assignments } from '../platform/handling/schema.js';
import { saveReply, sendReply, signReply } from '../platform/handling/replies.js';
import { members } from '../modules/members/schema.js';
import { units } from '../modules/org/schema.js';
import { createCampaign, decideCampaign } from '../modules/evaluation/commands/campaigns.js';
import { addFinding } from '../modules/evaluation/commands/findings.js';
import { castBallot, respond } from '../modules/evaluation/commands/responses.js';
import { addRepresentative, changeRepresentativeLink } from '../modules/evaluation/commands/representatives.js';
import { deviceHash, respondByInvitation } from '../modules/evaluation/commands/public.js';
import { inTransaction } from '../platform/jobs/after-commit.js';
import { resultsOf } from '../modules/evaluation/load.js';
import type { Campaign, CampaignAction } from '../modules/evaluation/workflow.js';
import type { BallotChoice } from '../../shared/evaluation/labels.js';

const actorOf = (u: typeof users.$inferSelect): Actor => ({
  userId: u.id, committeeId: u.committeeId, name: u.displayName, roles: u.roles as Role[], office: (u.office as Office) ?? null, memberId: u.memberId, unitId: u.unitId,
});

/**
 * Ten of Longgang's departments (seed 003 evaluates 36; a demo year takes ten), the demo
 * accounts' three units among them, each with how well the members think it does (the chance of
 * 满意 on an indicator) — so the ranking is made by the ballots, not written down.
 */
const departments: [string, number][] = [
  ['区教育局', 0.62], ['区住房建设局', 0.48], ['区水务局', 0.7], ['龙岗区卫生健康局', 0.66], ['区城市管理和综合执法局', 0.4],
  ['区民政局', 0.75], ['区人力资源局', 0.58], ['市生态环境局龙岗管理局', 0.52], ['市交通运输局龙岗管理局', 0.36], ['区政务服务数据管理局', 0.8],
];

/** A fixed pseudo-random sequence, so every demo database holds the same ballots. */
function sequence(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
}

const findingTexts: Record<string, string> = {
  区城市管理和综合执法局: '【演示数据】评议中委员反映城中村垃圾分类投放点设置不足、夜间清运不及时，请制定整改方案并限期落实。',
  市交通运输局龙岗管理局: '【演示数据】评议中委员反映地铁站点接驳公交线路少、高峰期候车时间长，请优化接驳线路并公开整改进度。',
  区住房建设局: '【演示数据】评议中委员反映老旧小区加装电梯审批周期长、保障性住房配租信息公开不及时，请限期整改。',
  区教育局: '【演示数据】评议中委员反映部分学校课后服务内容单一、学位申请政策解读不够清晰，请改进并向委员反馈。',
};

/**
 * The demo committee's 民主评议 of the year: proposed by the chairs' meeting, approved by the party
 * committee, twenty invited members' ballots on ten departments, four invited representatives'
 * (by their links, one link revoked since) and thirty browsers' from the portal — so the results
 * show all three kinds and their weighted combination — the ranking published, and
 * rectification items for the bottom three and the demo accounts' units (one replied, waiting
 * for the look-back).
 */
export async function seedDemoEvaluation(database: Database): Promise<void> {
  const names = ['office', 'member', 'member2', 'member3', 'leader', 'unit'] as const;
  const accounts = await database.db.select().from(users).where(inArray(users.username, [...names]));
  const as = (username: (typeof names)[number]) => actorOf(accounts.find((u) => u.username === username)!);
  const office = as('office');
  const committeeId = office.committeeId;
  const now = new Date(); // the demo is seeded as of the machine's time
  const today = chinaToday(now);
  const ctx = (actor: Actor): CommandContext => ({ database, actor, today, now });
  const year = Number(today.slice(0, 4));
  const unitRows = await database.db.select().from(units).where(eq(units.committeeId, committeeId));
  const unitId = (name: string) => unitRows.find((u) => u.name === name)!.id;
  const others = await database.db.select({ id: members.id, name: members.name }).from(members).where(and(eq(members.committeeId, committeeId), eq(members.position, 'member'))).orderBy(asc(members.name)).limit(40);
  const own = [as('member'), as('member2'), as('member3'), as('leader')];
  const extra = others.filter((m) => !own.some((a) => a.memberId === m.id)).slice(0, 16);
  const voters: Actor[] = [...own, ...extra.map((m) => ({ ...systemActor(committeeId), name: m.name, roles: ['member'] as Role[], memberId: m.id }))];

  let c: Campaign = await createCampaign(ctx(office), {
    year,
    title: `${year}年度政协委员民主评议部门工作`,
    unitIds: departments.map(([name]) => unitId(name)),
    invitedMemberIds: voters.map((v) => v.memberId!),
    publicOpen: true,
    phases: {
      preparing: { from: `${year}-03-01`, to: `${year}-03-31` },
      surveying: { from: `${year}-04-01`, to: `${year}-05-31` },
      deliberating: { from: `${year}-06-01`, to: `${year}-06-30` },
      rectifying: { from: `${year}-07-01`, to: `${year}-11-30` },
      rechecking: { from: `${year}-12-01`, to: `${year}-12-31` },
    },
  });
  const step = async (action: CampaignAction, extra: object = {}) => {
    c = await decideCampaign(ctx(office), { id: c.id, action: action as never, input: { version: c.version, ...extra } as never });
  };
  await step('propose', { on: `${year}-02-20`, note: '主席会议研究，建议对区教育局等10个部门开展民主评议。' });
  await step('approve', { on: `${year}-03-05`, note: '区委常委会同意区政协提出的民主评议部门名单和工作方案。' });
  await step('startSurvey');

  const next = sequence(2026);
  const keys = c.indicators.map((i) => i.key);
  /** one ballot: 满意 with the chance `good`, else mostly 基本满意, some 不满意, a few 不了解 */
  const ballotOf = (good: number) => Object.fromEntries(keys.map((k) => {
    const x = next();
    const choice: BallotChoice = x < good ? 'satisfied' : x < good + (1 - good) * 0.6 ? 'basic' : x < 0.97 ? 'unsatisfied' : 'unknown';
    return [k, choice];
  }));
  for (const voter of voters) {
    for (const [name, good] of departments) {
      // member3 leaves three departments blank: the questionnaire page shows a part-filled one
      if (voter.memberId === as('member3').memberId && ['区民政局', '区人力资源局', '区政务服务数据管理局'].includes(name)) continue;
      await respond(ctx(voter), { campaignId: c.id, unitId: unitId(name), answers: ballotOf(good) });
    }
  }
  // 特邀群众代表: each answers on every department by their personal link (one link revoked after answering)
  const reps: [string, string][] = [['【演示】陈秀英', '龙城街道居民代表'], ['【演示】黄志明', '龙岗区个体劳动者协会'], ['【演示】林美华', '服务对象代表（企业办事群众）'], ['【演示】吴国强', '平湖街道社区党委']];
  for (const [n, [name, organisation]] of reps.entries()) {
    const { representative, link } = await addRepresentative(ctx(office), { campaignId: c.id, name, organisation, phone: `1380000000${n}` });
    const token = link.split('/').pop()!;
    for (const [unit, good] of departments) await respondByInvitation(database, token, { unitId: unitId(unit), answers: ballotOf(good - 0.08) }, today);
    if (n === 3) await changeRepresentativeLink({ ...ctx(office), now: new Date() }, { id: representative.id, action: 'revoke', version: representative.version });
  }
  // the public through the portal (opened for this campaign): thirty browsers, each on a few departments
  for (let n = 0; n < 30; n++) {
    await inTransaction(database, async (uow) => {
      for (const [unit, good] of departments.filter((_, k) => (k + n) % 3 !== 0)) {
        await castBallot(uow.tx, c, { unitId: unitId(unit), answers: ballotOf(good - 0.15) }, { kind: 'public', deviceHash: deviceHash(`demo-public-${n}`) }, today);
      }
    });
  }
  await step('startDeliberation');
  await step('publish');

  const results = await resultsOf(database.db, c);
  const focus = results.departments.filter((d) => d.grade === 'focus').map((d) => d.name);
  const withItems = [...new Set([...focus, '区住房建设局', '区教育局'])];
  for (const name of withItems) {
    await addFinding(ctx(office), { campaignId: c.id, unitId: unitId(name), text: findingTexts[name] ?? `【演示数据】评议中委员反映${name}办事流程不够便民、政策宣传解读不到位，请制定整改方案并限期落实。` });
  }
  // 区教育局 has replied: the office's look-back is next
  const unit = as('unit');
  const [a] = await database.db.select().from(assignments).where(and(eq(assignments.subjectType, 'evaluationFinding'), eq(assignments.unitId, unit.unitId!), eq(assignments.status, 'assigned')));
  await signAssignment(ctx(unit), { id: a.id, version: a.version });
  const r = await saveReply(ctx(unit), { type: 'evaluationFinding', subjectId: a.subjectId, answerClass: 'B', body: '【演示数据】我局已在全区中小学推行“5+2”课后服务菜单，新增科创、体育、艺术类课程；学位申请政策已制作图解和短视频，在各街道开展宣讲。', contactPerson: '办公室 李科长', contactPhone: '0755-28900001', disclose: true });
  const signed = await signReply(ctx(unit), { id: r.id, version: r.version, signedBy: '区教育局主要负责人' });
  await sendReply(ctx(unit), { id: signed.id, version: signed.version });
}
