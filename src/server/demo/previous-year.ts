import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import type { Actor } from '../platform/auth/actor.js';
import { signAssignment, sendOpinion } from '../platform/handling/assignments.js';
import type { HandlingRole } from '../platform/handling/plan.js';
import { saveReply, sendReply, signReply } from '../platform/handling/replies.js';
import { assignments, replies } from '../platform/handling/schema.js';
import { recordPromiseOutcome } from '../platform/handling/promises.js';
import type { PromiseOutcome } from '../../shared/handling/labels.js';
import { createProposal } from '../modules/proposals/commands/draft-proposal.js';
import { decideProposal } from '../modules/proposals/commands/decide-proposal.js';
import { assignProposal, rateProposal } from '../modules/proposals/commands/handle-proposal.js';
import { publishProposal } from '../modules/proposals/commands/mark-proposal.js';
import { proposals } from '../modules/proposals/schema.js';
import type { Proposal } from '../modules/proposals/workflow.js';
import type { DemoText } from './proposal-texts.js';

/** Marks what a demo unit wrote, so no one takes a demo reply for a real one. */
export const DEMO_LABEL = '【演示数据】';

/** Days after `day` (an ISO date), as an ISO date. */
const daysAfter = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** What a unit answered for each class, and what it promised (B, C) — the panel shows the opening lines. */
const answers: Record<string, (title: string, unit: string) => string> = {
  A: (t, u) => `${DEMO_LABEL}《${t}》所提问题已解决。${u}采纳全部建议：相关措施已于当年落实到位，并已向提案人当面通报办理结果。`,
  B: (t, u) => `${DEMO_LABEL}《${t}》所提建议已列入${u}下一年度工作计划，计划分两期实施，第一期年底前完成，届时书面告知进展。`,
  C: (t, u) => `${DEMO_LABEL}《${t}》所提建议很有价值，但受资金和用地条件限制，目前尚难实施；${u}已向上级争取支持，条件具备时优先安排。`,
  D: (t, u) => `${DEMO_LABEL}《${t}》所提建议对${u}今后工作有参考价值，已留作参考，在制定相关规划时统筹研究。`,
};
const contactOf: Record<string, [string, string]> = { 区教育局: ['李老师', '0755-28949000'], 区住房建设局: ['陈工', '0755-28933000'], 区水务局: ['刘科长', '0755-28956000'] };

type Rating = ['satisfied' | 'basically' | 'unsatisfied', 'satisfied' | 'basically' | 'unsatisfied', string?];
interface Case {
  who: number;
  category: string;
  plan: [string, HandlingRole][];
  classes: string[];
  rating: Rating;
  /** a second round after 不满意: the new class and the new rating */
  again?: { classes: string[]; rating: Rating };
  /** 列入计划 (B): what the unit promised, and half a year on whether it kept it — recorded by the unit itself or by the proposal office */
  promise?: { text: string; outcome: PromiseOutcome; note: string; by: 'unit' | 'office' };
}

/**
 * Every answer class, a lead with an assisting unit, ratings of all three kinds and a second round —
 * kept to five, since every test run seeds the demo once.
 */
const cases: Case[] = [
  { who: 0, category: '教育事业', plan: [['区教育局', 'sole']], classes: ['A'], rating: ['satisfied', 'satisfied'] },
  {
    who: 1, category: '城乡建设', plan: [['区住房建设局', 'lead'], ['区水务局', 'assisting']], classes: ['B'], rating: ['satisfied', 'basically'],
    promise: { text: '第一期整治工程年内完工并通过验收', outcome: 'kept', note: '第一期工程已完工并通过联合验收，已书面告知提案人。', by: 'unit' },
  },
  { who: 2, category: '资源环境', plan: [['区水务局', 'sole']], classes: ['D'], rating: ['basically', 'basically'] },
  { who: 2, category: '教育事业', plan: [['区教育局', 'sole']], classes: ['C'], rating: ['unsatisfied', 'unsatisfied', '答复未回应具体建议'], again: { classes: ['A'], rating: ['satisfied', 'satisfied'] } },
  {
    who: 1, category: '城乡建设', plan: [['区住房建设局', 'sole']], classes: ['B'], rating: ['satisfied', 'satisfied'],
    promise: { text: '制定专项实施方案并启动试点', outcome: 'broken', note: '到期核实：实施方案尚未印发，试点未启动，已督促承办单位说明原因。', by: 'office' },
  },
];

/**
 * 往年办理 (demo): the session before the current one, handled in the product from submission to
 * rating — so the similar-proposal panel has true outcomes to show (the imported 2019 history carries
 * no units or replies). Every step runs through the module's commands on that year's dates; each
 * reply opens with 【演示数据】. Also one proposal not filed and one converted, with their reasons.
 */
export async function seedPreviousYear(
  database: Database,
  o: { staff: Actor; authors: Actor[]; unitActor: Record<string, Actor>; unitId: (name: string) => string; text: (category: string) => DemoText; today: string },
) {
  const today = `${Number(o.today.slice(0, 4)) - 1}${o.today.slice(4).replace('02-29', '02-28')}`;
  const now = new Date(`${today}T10:00:00+08:00`); // a year ago, at ten in the morning in China
  const { staff, unitActor, unitId } = o;
  const current = async (id: string) => (await database.db.select().from(proposals).where(eq(proposals.id, id)))[0];
  const ctx = (actor: Actor) => ({ database, actor, today, now });
  const act = async (who: Actor, id: string, action: string, body: object = {}) => decideProposal(ctx(who), { id, action: action as any, input: { version: (await current(id)).version, ...body } as any });
  const submitted = async (who: Actor, category: string) => {
    const p = await createProposal(ctx(who), { draft: { ...o.text(category), authorType: 'individual' } });
    return act(who, p.id, 'submit');
  };
  const assignment = async (p: Proposal, unit: string) =>
    (await database.db.select().from(assignments).where(and(eq(assignments.subjectId, p.id), eq(assignments.unitId, unitId(unit)))).orderBy(assignments.round)).at(-1)!;
  const sign = async (p: Proposal, unit: string) => {
    const a = await assignment(p, unit);
    return signAssignment(ctx(unitActor[unit]), { id: a.id, version: a.version });
  };
  // 列入计划 promises half a year ahead; their outcome is checked a month after they fell due (still before this year's today)
  const promisedBy = daysAfter(today, 182);
  const checkedOn = daysAfter(today, 212);
  const reply = async (p: Proposal, unit: string, answerClass: string, promise?: Case['promise']) => {
    await sign(p, unit);
    const [person, phone] = contactOf[unit];
    const promised = promise ? { promise: promise.text, promisedBy } : {};
    const r = await saveReply(ctx(unitActor[unit]), { type: 'proposal', subjectId: p.id, answerClass, body: answers[answerClass](p.title, unit), contactPerson: person, contactPhone: phone, disclose: true, ...promised });
    const s = await signReply(ctx(unitActor[unit]), { id: r.id, version: r.version, signedBy: `${unit}主要负责人` });
    await sendReply(ctx(unitActor[unit]), { id: s.id, version: s.version });
  };
  const rate = async (who: Actor, p: Proposal, [attitude, result, comment]: Rating) => rateProposal(ctx(who), { id: p.id, version: (await current(p.id)).version, attitude, result, comment });

  const handled: string[] = [];
  for (const c of cases) {
    const who = o.authors[c.who];
    const id = (await submitted(who, c.category)).id;
    await act(staff, id, 'preReview', { opinion: '符合立案标准，建议复审' });
    await act(staff, id, 'reReview', { opinion: '同意立案' });
    const p = await act(staff, id, 'file', { opinion: '符合立案标准，予以立案' });
    await assignProposal(ctx(staff), { id: p.id, version: (await current(p.id)).version, assignments: c.plan.map(([name, role]) => ({ unitId: unitId(name), role })) });
    for (const [unit, role] of c.plan) {
      if (role !== 'assisting') continue;
      const a = await sign(p, unit);
      await sendOpinion(ctx(unitActor[unit]), { id: a.id, version: a.version, text: `${DEMO_LABEL}我局赞同所提建议，已函告主办单位。` });
    }
    const replying = c.plan.filter(([, role]) => role !== 'assisting');
    for (let i = 0; i < replying.length; i++) await reply(p, replying[i][0], c.classes[i], c.promise);
    await rate(who, p, c.rating);
    if (c.promise) {
      const [made] = await database.db.select().from(replies).where(and(eq(replies.subjectId, p.id), eq(replies.status, 'sent')));
      const recorder = c.promise.by === 'unit' ? unitActor[replying[0][0]] : staff;
      const later = { database, actor: recorder, today: checkedOn, now: new Date(`${checkedOn}T10:00:00+08:00`) };
      await recordPromiseOutcome(later, { id: made.id, version: made.version, outcome: c.promise.outcome, note: `${DEMO_LABEL}${c.promise.note}`, checkedOn });
    }
    if (c.again) {
      for (let i = 0; i < replying.length; i++) await reply(p, replying[i][0], c.again.classes[i]);
      await rate(who, p, c.again.rating);
    }
    handled.push(p.id);
  }
  const vague = await submitted(o.authors[1], '社会事业');
  await act(staff, vague.id, 'reject', { reasonCode: 'vague', reason: '建议较为原则，缺少针对我区实际的具体措施' });
  const toSuggestion = await submitted(o.authors[2], '经济发展');
  await act(staff, toSuggestion.id, 'convert', { to: 'suggestion', reason: '属具体工作建议，转有关部门参考办理' });

  // every one ended closed: they go on the public portal with their replies
  for (const id of handled) await publishProposal(ctx(staff), { id, version: (await current(id)).version, publish: true, disclosable: true });
}
