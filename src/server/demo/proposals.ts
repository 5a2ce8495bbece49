import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import type { Actor } from '../platform/auth/actor.js';
import { users } from '../platform/auth/schema.js';
import { toActor } from '../platform/auth/sessions.js';
import { chinaToday } from '../platform/calendar/workdays.js';
import { decideExtension, requestExtension, sendOpinion, signAssignment } from '../platform/handling/assignments.js';
import { logContact } from '../platform/handling/contacts.js';
import { recordInstruction } from '../platform/handling/instructions.js';
import type { HandlingRole } from '../platform/handling/plan.js';
import { saveReply, sendReply, signReply } from '../platform/handling/replies.js';
import { assignments } from '../platform/handling/schema.js';
import { specialCommittees, units } from '../modules/org/schema.js';
import { createProposal } from '../modules/proposals/commands/draft-proposal.js';
import { decideProposal } from '../modules/proposals/commands/decide-proposal.js';
import { assignProposal, rateProposal } from '../modules/proposals/commands/handle-proposal.js';
import { publishProposal } from '../modules/proposals/commands/mark-proposal.js';
import { excellentAction, keyAction, nominateExcellent, shortlistKey } from '../modules/proposals/key/commands.js';
import { keyProposals } from '../modules/proposals/key/schema.js';
import { mergeProposals } from '../modules/proposals/commands/merge-proposals.js';
import { respondToInvitation } from '../modules/proposals/commands/respond-cosign.js';
import { importProposals } from '../modules/proposals/import/import-proposals.js';
import { proposals } from '../modules/proposals/schema.js';
import type { Proposal } from '../modules/proposals/workflow.js';
import { proposalTexts, type DemoText } from './proposal-texts.js';
import { seedPreviousYear } from './previous-year.js';
import { closestTopic, seedDemoTopics } from './proposal-topics.js';

const csvFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data/jszx2019_jiangsu_cppcc_proposals.csv');

/** What a unit writes back for each answer class (答复类别). */
const replyBody: Record<string, (title: string, unit: string) => string> = {
  A: (t, u) => `您提出的《${t}》收悉。${u}高度重视，经认真研究，所提建议已基本采纳：相关措施已纳入部门年度重点工作并落实到位，办理前已与您当面沟通。下一步我们将持续跟踪实施效果，及时向您反馈。`,
  B: (t, u) => `您提出的《${t}》收悉。${u}经研究认为所提建议切实可行，已列入下一年度工作计划，目前正在会同有关部门分步实施，预计年内完成第一阶段任务，届时将书面告知进展。`,
  C: (t, u) => `您提出的《${t}》收悉。所提建议很有价值，但受资金和用地条件限制，目前尚难全面实施。${u}将积极争取上级支持，在条件具备时优先安排。`,
  D: (t, u) => `您提出的《${t}》收悉。所提建议对${u}今后的工作具有参考价值，我们将留作参考，在制定相关政策和规划时统筹研究。`,
};
const contactOf: Record<string, [string, string]> = {
  区教育局: ['李老师', '0755-28949000'],
  区住房建设局: ['陈工', '0755-28933000'],
  区水务局: ['刘科长', '0755-28956000'],
};

/**
 * The demo district's proposals. First the 436 real proposals of the Jiangsu 2019 list, imported
 * as the committee's history (so the similar-proposal finder has past years to show). Then about
 * forty proposals of the current session, told from the same texts, in every state a real year
 * shows: drafts and a pending co-signature, the review queue, returned, not filed with a reason,
 * converted, merged, filed and waiting, assigned to units (lead + assisting, split), replied with
 * A–D classes, rated satisfied or not, a second round, and three key proposals led by the chair.
 * Every step runs through the module's own commands, so numbers, audit rows, credit, deadlines and
 * notices are the real ones; only the three demo unit accounts (区教育局、区住房建设局、区水务局)
 * write replies, other units are still handling theirs.
 */
export async function seedDemoProposals(database: Database): Promise<void> {
  const csv = readFileSync(csvFile, 'utf8');
  const names = ['staff', 'office', 'leader', 'member', 'member2', 'member3', 'unit', 'unit2', 'unit3'];
  const accounts = await database.db.select().from(users).where(inArray(users.username, names));
  const as = (username: string) => toActor(accounts.find((u) => u.username === username)!);
  const [staff, office, leader, m1, m2, m3, edu, housing, water] = names.map(as);
  const now = new Date(); // the demo is seeded as of the machine's time
  const today = chinaToday(now);
  const ctx = (actor: Actor) => ({ database, actor, today, now });
  await importProposals(ctx(staff), { file: csv, source: '江苏省政协2019年提案目录', origin: '江苏省政协' });

  const text = proposalTexts(csv);
  const unitRows = await database.db.select({ id: units.id, name: units.name }).from(units).where(eq(units.committeeId, staff.committeeId));
  const unitId = (name: string) => unitRows.find((u) => u.name === name)!.id;
  const unitActor: Record<string, Actor> = { 区教育局: edu, 区住房建设局: housing, 区水务局: water };
  const current = async (id: string) => (await database.db.select().from(proposals).where(eq(proposals.id, id)))[0];

  // 《提案参考选题》 published first; members writing in these categories cite the closest topic
  await seedDemoTopics(database, staff, today, now);
  const citing = new Set(['教育事业', '城乡建设', '医卫体育', '经济发展', '科学技术', '农林水利', '社会事业']);
  const draft = async (who: Actor, t: DemoText, o: { cosigners?: Actor[]; body?: string } = {}) =>
    createProposal(ctx(who), {
      draft: {
        ...t,
        authorType: o.body ? 'collective' : o.cosigners ? 'joint' : 'individual',
        collectiveBody: o.body ?? null,
        cosignerIds: o.cosigners?.map((c) => c.memberId!),
        topicId: citing.has(t.category) ? await closestTopic(database, who, today, t) : null,
      },
    });
  const act = async (who: Actor, p: Proposal, action: 'submit' | 'preReview' | 'reReview' | 'file', note = '') =>
    decideProposal(ctx(who), { id: p.id, action, input: { version: (await current(p.id)).version, opinion: note || undefined } as any });
  /** drafted, co-signers confirmed, submitted */
  const submitted = async (who: Actor, category: string, o: { cosigners?: Actor[]; body?: string } = {}) => {
    const p = await draft(who, text(category), o);
    for (const c of o.cosigners ?? []) await respondToInvitation(ctx(c), { id: p.id, accept: true });
    return act(who, p, 'submit');
  };
  const filed = async (who: Actor, category: string, o: { cosigners?: Actor[]; body?: string } = {}) => {
    let p = await submitted(who, category, o);
    // 立案 follows the committee's review steps (预审 → 复审 → 审定)
    p = await act(staff, p, 'preReview', '符合立案标准，建议复审');
    p = await act(staff, p, 'reReview', '同意立案');
    return act(staff, p, 'file', '经审查，符合立案标准，予以立案');
  };
  const assign = async (p: Proposal, plan: [string, HandlingRole][]) =>
    assignProposal(ctx(staff), { id: p.id, version: (await current(p.id)).version, assignments: plan.map(([name, role]) => ({ unitId: unitId(name), role })) });
  const assignmentOf = async (p: Proposal, unit: string) =>
    (await database.db.select().from(assignments).where(and(eq(assignments.subjectId, p.id), eq(assignments.unitId, unitId(unit)))).orderBy(assignments.round)).at(-1)!;
  const sign = async (p: Proposal, unit: string) => {
    const a = await assignmentOf(p, unit);
    return signAssignment(ctx(unitActor[unit]), { id: a.id, version: a.version });
  };
  const assist = async (p: Proposal, unit: string, view: string) => {
    const a = await sign(p, unit);
    await sendOpinion(ctx(unitActor[unit]), { id: a.id, version: a.version, text: view });
  };
  const reply = async (p: Proposal, unit: string, answerClass: string) => {
    await sign(p, unit);
    const [person, phone] = contactOf[unit];
    // B (列入计划) is a promise: the first stage within the year, as the reply says
    const promised = answerClass === 'B' ? { promise: '年内完成第一阶段任务并书面告知提案人进展', promisedBy: `${today.slice(0, 4)}-12-31` } : {};
    const r = await saveReply(ctx(unitActor[unit]), { type: 'proposal', subjectId: p.id, answerClass, body: replyBody[answerClass](p.title, unit), contactPerson: person, contactPhone: phone, disclose: true, ...promised });
    const s = await signReply(ctx(unitActor[unit]), { id: r.id, version: r.version, signedBy: `${unit}主要负责人` });
    await sendReply(ctx(unitActor[unit]), { id: s.id, version: s.version });
  };
  const rate = async (who: Actor, p: Proposal, attitude: 'satisfied' | 'basically' | 'unsatisfied', result: typeof attitude, comment?: string) =>
    rateProposal(ctx(who), { id: p.id, version: (await current(p.id)).version, attitude, result, comment });
  // 重点提案: the office shortlists, the chairs' meeting decides (recorded by the office), the chair leads
  const keyRow = async (p: Proposal) => (await database.db.select().from(keyProposals).where(eq(keyProposals.proposalId, p.id)))[0];
  const key = async (p: Proposal) => {
    const k = await shortlistKey(ctx(staff), { proposalId: p.id, note: '反映问题事关群众切身利益，建议具体可行，各方关注度高' });
    await keyAction(ctx(staff), { id: k.id, action: 'select', input: { version: k.version, decidedOn: today, decisionRef: '十届第15次主席会议审议确定', chairUserId: leader.userId, govLeaderUserId: null, govLeaderName: '区政府副区长 李明' } });
  };
  const keyStep = async (p: Proposal, action: 'review' | 'signOff', text: string) => {
    const k = await keyRow(p);
    await keyAction(ctx(leader), { id: k.id, action, input: { version: k.version, text } });
  };
  /** 调度: a scheduling meeting a week after today, at 10:00 China time */
  const keySchedule = async (p: Proposal, title: string, agenda: string) => {
    const k = await keyRow(p);
    const day = new Date(Date.parse(`${today}T02:00:00Z`) + 7 * 86_400_000);
    await keyAction(ctx(leader), { id: k.id, action: 'schedule', input: { version: k.version, kind: 'forum', title, startsAt: day, endsAt: new Date(day.getTime() + 2 * 3600_000), place: '区政协三楼会议室', agenda } });
  };

  // drafts: one being written, one waiting for member3 to confirm co-signing
  await draft(m1, text('文化宣传'));
  await draft(m2, text('社会事业'), { cosigners: [m3] });

  // the review queue: waiting for pre-review, re-review and the decision
  await submitted(m1, '医卫体育');
  await submitted(m3, '经济发展', { cosigners: [m1] });
  await submitted(office, '教育事业', { body: '民盟龙岗区基层委员会' });
  for (const [who, category] of [[m2, '科学技术'], [m3, '工业商贸']] as const) await act(staff, await submitted(who, category), 'preReview', '内容符合要求，建议复审');
  for (const [who, category, o] of [[m1, '法制建设', {}], [office, '社会事业', { body: '区政协社会法制民族宗教委员会' }]] as const) {
    const p = await act(staff, await submitted(who, category, o), 'preReview', '符合立案标准');
    await act(staff, p, 'reReview', '建议立案');
  }

  // decided without filing: returned, not filed (two reasons), converted (two ways)
  const back = await submitted(m2, '财税金融');
  await decideProposal(ctx(staff), { id: back.id, action: 'return', input: { version: back.version, reason: '请补充我区相关数据，并将建议具体到可操作的措施' } });
  const vague = await submitted(m3, '政治建设');
  await decideProposal(ctx(staff), { id: vague.id, action: 'reject', input: { version: vague.version, reasonCode: 'vague', reason: '建议部分较为原则，缺少针对我区实际的具体措施' } });
  const academic = await submitted(m1, '科学技术');
  await decideProposal(ctx(staff), { id: academic.id, action: 'reject', input: { version: academic.version, reasonCode: 'academic', reason: '所提问题属学术探讨范畴，建议通过学术交流渠道反映' } });
  const toOpinion = await submitted(m2, '社会事业');
  await decideProposal(ctx(staff), { id: toOpinion.id, action: 'convert', input: { version: toOpinion.version, to: 'opinion', reason: '反映情况时效性强，转为社情民意信息报送' } });
  const toSuggestion = await submitted(m3, '统战综合');
  await decideProposal(ctx(staff), { id: toSuggestion.id, action: 'convert', input: { version: toSuggestion.version, to: 'suggestion', reason: '属具体工作建议，转有关部门参考办理' } });

  // merged: two proposals join primaries on the same issue, which are then filed
  const mergeAndFile = async (primary: Proposal, other: Proposal) => {
    const [p, o] = [await current(primary.id), await current(other.id)];
    await mergeProposals(ctx(staff), { primaryId: p.id, otherIds: [o.id], versions: { [p.id]: p.version, [o.id]: o.version }, reason: '反映同一问题，建议相近，并案办理' });
    const reviewed = await act(staff, await act(staff, await current(p.id), 'preReview', '并案后内容完整，建议复审'), 'reReview', '同意立案');
    return act(staff, reviewed, 'file', '并案后予以立案');
  };
  const filedWithMerged = await mergeAndFile(await submitted(m1, '经济发展'), await submitted(m2, '经济发展'));
  const keyWithMerged = await mergeAndFile(await submitted(m3, '城乡建设'), await submitted(m2, '城乡建设'));

  // filed, waiting to be assigned
  await filed(m1, '工业商贸');
  await filed(m3, '财税金融');
  await filed(office, '文化宣传', { body: '九三学社龙岗区基层委员会' });

  // being handled
  await key(keyWithMerged);
  await keyStep(keyWithMerged, 'review', '请区住房建设局牵头，会同区水务局认真研究，拿出分年度实施计划。');
  await assign(keyWithMerged, [['区住房建设局', 'lead'], ['区水务局', 'assisting']]);
  await assist(keyWithMerged, '区水务局', '我局支持所提建议，将配合做好排水管网同步改造。');
  await sign(keyWithMerged, '区住房建设局');
  await keySchedule(keyWithMerged, '老旧小区改造重点提案办理调度会', '听取区住房建设局、区水务局办理进展，协调资金和管网同步改造问题。');
  // shortlisted, waiting for the chairs' meeting
  await shortlistKey(ctx(staff), { proposalId: filedWithMerged.id, note: '涉及全区营商环境，建议列为重点提案' });
  await assign(filedWithMerged, [['区发展改革局', 'lead'], ['区财政局', 'assisting']]);
  const edu1 = await filed(m2, '教育事业');
  // a key proposal the 区教育局 handles, waiting for the chair's 阅批
  await key(edu1);
  await assign(edu1, [['区教育局', 'sole']]);
  await sign(edu1, '区教育局');
  await logContact(ctx(edu), { type: 'proposal', subjectId: edu1.id, stage: 'before', method: 'visit', contactOn: today, summary: '登门拜访提案人，听取对办理工作的意见建议。' });
  await assign(await filed(m2, '科学技术'), [['区科技创新局', 'sole']]);
  const split = await filed(office, '医卫体育', { body: '区政协教科文卫体委员会' });
  await assign(split, [['区教育局', 'split'], ['龙岗区卫生健康局', 'split']]);
  await reply(split, '区教育局', 'B');
  const extended = await filed(m3, '农林水利');
  await assign(extended, [['区水务局', 'sole']]);
  const signed = await sign(extended, '区水务局');
  const asked = await requestExtension(ctx(water), { id: signed.id, version: signed.version, days: 20, reason: '涉及多个街道的排水设施普查，需延长办理时间' });
  await decideExtension(ctx(staff), { id: asked.id, version: asked.version, approve: true });
  await assign(await filed(m1, '社会事业'), [['区人力资源局', 'sole']]);
  const keyCulture = await filed(m2, '文化宣传', { cosigners: [m1] });
  await key(keyCulture);
  await assign(keyCulture, [['区文化广电旅游体育局', 'sole']]);

  // replied, waiting for the proposer's rating
  const replied = async (who: Actor, category: string, plan: [string, HandlingRole][], classes: string[], o: { cosigners?: Actor[]; body?: string } = {}) => {
    const p = await filed(who, category, o);
    await assign(p, plan);
    for (const [unit, role] of plan) if (role === 'assisting') await assist(p, unit, '我局赞同所提建议，已将相关意见函告主办单位。');
    const replying = plan.filter(([, role]) => role !== 'assisting');
    for (let i = 0; i < replying.length; i++) await reply(p, replying[i][0], classes[i]);
    return p;
  };
  await replied(m1, '教育事业', [['区教育局', 'sole']], ['B']);
  await replied(m2, '城乡建设', [['区住房建设局', 'lead'], ['区教育局', 'assisting']], ['A']);
  await replied(m3, '资源环境', [['区水务局', 'sole']], ['C']);
  await replied(office, '教育事业', [['区教育局', 'sole']], ['A'], { body: '区妇联界别委员小组' });

  // rated and closed
  await rate(m1, await replied(m1, '教育事业', [['区教育局', 'sole']], ['A']), 'satisfied', 'satisfied');
  await rate(m2, await replied(m2, '城乡建设', [['区住房建设局', 'sole']], ['B']), 'satisfied', 'basically');
  const keyWater = await filed(m3, '资源环境', { cosigners: [m2] });
  await key(keyWater);
  await keyStep(keyWater, 'review', '请区水务局会同相关街道抓紧研究落实，定期报告进展。');
  await recordInstruction(ctx(leader), { subjectType: 'proposal', subjectId: keyWater.id, text: '请区水务局会同相关街道抓紧研究落实，定期报告进展。', level: 'district', instructedOn: today, leaderName: leader.name });
  await assign(keyWater, [['区水务局', 'sole']]);
  await keySchedule(keyWater, '河道治理重点提案现场调度', '实地察看支流治理进展，督促汛前完成清淤。');
  await reply(keyWater, '区水务局', 'A');
  await keyStep(keyWater, 'signOff', '答复具体，措施可行，同意。请持续跟踪落实。');
  await rate(m3, keyWater, 'satisfied', 'satisfied');
  await rate(m1, await replied(m1, '资源环境', [['区水务局', 'lead'], ['区住房建设局', 'assisting']], ['A']), 'satisfied', 'satisfied');
  await rate(m2, await replied(m2, '教育事业', [['区教育局', 'sole']], ['D']), 'basically', 'basically');
  await rate(m3, await replied(m3, '资源环境', [['区教育局', 'split'], ['区水务局', 'split']], ['B', 'A']), 'satisfied', 'basically');

  // not satisfied: a second round (one still open, one already answered again and closed)
  await rate(m1, await replied(m1, '城乡建设', [['区住房建设局', 'sole']], ['C']), 'basically', 'unsatisfied', '所提问题仍未解决，希望拿出具体时间表');
  const again = await replied(m2, '农林水利', [['区水务局', 'sole']], ['B']);
  await rate(m2, again, 'unsatisfied', 'unsatisfied', '办理前未与提案人沟通，答复内容空泛');
  await sign(again, '区水务局');
  const twice = await replied(m3, '教育事业', [['区教育局', 'sole']], ['C']);
  await rate(m3, twice, 'basically', 'unsatisfied', '希望进一步落实经费保障');
  await reply(twice, '区教育局', 'A');
  await rate(m3, twice, 'satisfied', 'satisfied');

  // the closed ones go on the public portal with their replies (every demo reply may be disclosed); by
  // number, so the first of them (the year's excellent proposal below) is the same on every seeding
  const closed = await database.db.select().from(proposals).where(and(eq(proposals.committeeId, staff.committeeId), eq(proposals.status, 'closed'), eq(proposals.historical, false))).orderBy(asc(proposals.serial));
  for (const p of closed) await publishProposal(ctx(staff), { id: p.id, version: p.version, publish: true, disclosable: true });

  // 优秀提案: this year's round — two published (one nominated by a special committee), one waiting for review
  const [committee] = await database.db.select({ id: specialCommittees.id }).from(specialCommittees).where(eq(specialCommittees.committeeId, staff.committeeId)).limit(1);
  const excellent = async (p: Proposal, source: 'office' | 'specialCommittee', reason: string, steps: ('review' | 'decide' | 'publish')[]) => {
    let n = await nominateExcellent(ctx(staff), { proposalId: p.id, source, specialCommitteeId: source === 'specialCommittee' ? committee?.id ?? null : null, reason });
    for (const a of steps) n = await excellentAction(ctx(staff), { id: n.id, action: a, input: { version: n.version, note: a === 'decide' ? '经主席会议审议，评为年度优秀提案' : undefined } });
  };
  const [firstClosed] = closed.filter((p) => p.id !== keyWater.id);
  await excellent(keyWater, 'office', '调研深入，建议具体可行，办理成效显著', ['review', 'decide', 'publish']);
  if (firstClosed) await excellent(firstClosed, 'specialCommittee', '选题精准，推动问题得到解决', ['review', 'decide', 'publish']);
  await excellent(keyCulture, 'office', '建议具有前瞻性，社会反响好', []);

  // the session before: handled from submission to rating, for the similar-proposal panel
  await seedPreviousYear(database, { staff, authors: [m1, m2, m3], unitActor, unitId, text, today });
}
