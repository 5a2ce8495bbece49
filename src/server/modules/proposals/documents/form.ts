import type { Actor } from '../../../platform/auth/actor.js';
import { handlingRoles, type HandlingRole } from '../../../platform/handling/plan.js';
import { chineseDate, paragraphsOf, sizes, type Block, type Cell, type OfficialDocument } from '../../../platform/documents/model.js';
import { proposalStates, reviewStepLabels, type ProposalState } from '../workflow.js';
import { numberOf, type Person, type ProposalFacts } from './facts.js';
import { seesContacts, seesInternals } from './policy.js';

const authorTypes: Record<string, string> = { individual: '个人提案', joint: '联名提案', collective: '集体提案' };
const kinds: Record<string, string> = { session: '大会提案', ordinary: '平时提案' };
const reviewSteps: Record<string, string> = reviewStepLabels;

const label = (text: string): Cell => ({ text, label: true });
/** in points of the 442 pt line: five-character captions, and room for a date in the last column */
const widths = [72, 76, 62, 70, 62, 100];
/** 张三（教育界，民进） */
const withAffiliation = (p: Person) => `${p.name}${p.sector || p.party ? `（${[p.sector, p.party].filter(Boolean).join('，')}）` : ''}`;

/** 审查结果 in words: 立案 on a date, or why not. */
function outcome(f: ProposalFacts): string {
  const p = f.proposal;
  const when = p.decidedAt ? `（${chineseDate(p.decidedAt)}）` : '';
  if (p.number) return `立案${when}`;
  const reason = p.decisionReason ? `：${p.decisionReason}` : '';
  return `${proposalStates[p.status as ProposalState] ?? p.status}${['rejected', 'converted', 'returned', 'merged'].includes(p.status) ? `${when}${reason}` : ''}`;
}

/** 承办单位 of the latest round: 主办：区教育局；协办：区住房建设局 */
function unitsLine(f: ProposalFacts): string {
  const round = Math.max(0, ...f.assignments.map((a) => a.round));
  const current = f.assignments.filter((a) => a.round === round);
  if (!current.length) return '尚未交办';
  const byRole = Object.entries(handlingRoles)
    .map(([role, name]) => [name, current.filter((a) => a.role === (role as HandlingRole)).map((a) => a.unitName)] as const)
    .filter(([, names]) => names.length);
  return `${byRole.map(([name, names]) => `${name}：${names.join('、')}`).join('；')}${round > 1 ? '（二次办理）' : ''}`;
}

/** Who proposed: the first proposer's row, or the body of a collective (or imported) proposal. */
function proposerRows(f: ProposalFacts, contacts: boolean): Cell[][] {
  const p = f.proposal;
  if (!f.lead) return [[label(p.authorType === 'collective' ? '提案单位' : '提案人'), { text: p.collectiveBody ?? p.proposerText ?? '', span: 5 }]];
  const rows: Cell[][] = [
    [label('第一提案人'), { text: f.lead.name }, label('界别'), { text: f.lead.sector ?? '' }, label('党派'), { text: f.lead.party ?? '' }],
    contacts
      ? [label('工作单位'), { text: f.lead.workplace ?? '', span: 3 }, label('联系电话'), { text: f.lead.phone ?? '' }]
      : [label('工作单位'), { text: f.lead.workplace ?? '', span: 5 }],
  ];
  if (p.authorType === 'joint') rows.push([label('联名提案人'), { text: f.cosigners.map(withAffiliation).join('、') || '—', span: 5 }]);
  return rows;
}

/**
 * 提案表: the proposal as filed — number and session, category, proposers with sector and party,
 * the text in its three parts (情况、分析、建议), the review and the units handling it.
 */
export function proposalForm(f: ProposalFacts, actor: Actor): OfficialDocument {
  const p = f.proposal;
  const internals = seesInternals(actor, p);
  const review: Cell[][] = internals
    ? f.opinions.map((o) => [label(reviewSteps[o.step] ?? o.step), { text: `${o.opinion}（${o.reviewerName}，${chineseDate(o.createdAt)}）`, span: 5 }])
    : [];
  const section = (title: string, text: string): Block[] =>
    text.trim() ? [{ type: 'heading', level: 1, text: title }, ...paragraphsOf(text).map((t): Block => ({ type: 'paragraph', content: t }))] : [];
  const number = p.number ? `第${String(p.number).padStart(4, '0')}号` : p.serial ? `流水号${p.serial}` : '';
  const blocks: Block[] = [
    { type: 'masthead', name: f.committee.name, maxSize: 26 },
    { type: 'spread', spread: { left: [f.session?.name, kinds[p.kind]].filter(Boolean).join(' · '), right: number } },
    { type: 'title', text: '提　案' },
    {
      type: 'table',
      widths,
      size: sizes.xiaosi,
      rows: [
        [label('提案类别'), { text: p.category }, label('提案形式'), { text: authorTypes[p.authorType] ?? p.authorType }, label('提交日期'), { text: p.submittedAt ? chineseDate(p.submittedAt) : '未提交' }],
        ...proposerRows(f, seesContacts(actor, p)),
        [label('案由'), { text: p.title, span: 5 }],
      ],
    },
    ...section('一、情况', p.background),
    ...section('二、分析', p.analysis),
    ...section('三、建议', p.suggestions),
    { type: 'space' },
    {
      type: 'table',
      widths,
      size: sizes.xiaosi,
      rows: [
        ...review,
        [label('审查结果'), { text: outcome(f), span: 5 }],
        ...(p.isKey ? [[label('重点提案'), { text: p.keyLeaderName ? `是，${p.keyLeaderName}领办` : '是', span: 5 }]] : []),
        [label('承办单位'), { text: unitsLine(f), span: 5 }],
      ],
    },
  ];
  return { title: `${numberOf(p)} ${p.title}`.trim(), author: f.committee.name, blocks };
}
