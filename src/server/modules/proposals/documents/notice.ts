import { handlingRoles, type HandlingRole } from '../../../platform/handling/plan.js';
import { chineseDate, type Block, type OfficialDocument } from '../../../platform/documents/model.js';
import { fullUnitName, numberOf, regionOf, type FactsAssignment, type ProposalFacts } from './facts.js';

/** The proposer as a notice names them: 张三等3位委员, or the collective body. */
export function proposerText(f: ProposalFacts): string {
  if (!f.lead) return f.proposal.collectiveBody ?? f.proposal.proposerText ?? '';
  return f.cosigners.length ? `${f.lead.name}等${f.cosigners.length + 1}位委员` : `${f.lead.name}委员`;
}

/** What this unit is asked to do, by its role among the round's units. */
function duty(a: FactsAssignment, others: FactsAssignment[]): string {
  const names = (roles: HandlingRole[]) => others.filter((o) => roles.includes(o.role as HandlingRole)).map((o) => o.unitName).join('、');
  switch (a.role as HandlingRole) {
    case 'lead':
      return `协办（会办）单位为${names(['assisting', 'joint'])}。请主动与协办单位沟通协商，汇总其意见后统一答复提案人。`;
    case 'assisting':
    case 'joint':
      return `主办单位为${names(['lead'])}。请将${handlingRoles[a.role as HandlingRole]}意见及时送主办单位，由主办单位统一答复提案人。`;
    case 'split':
      return `本提案由${[a, ...others].map((o) => o.unitName).join('、')}分别办理，请就涉及你单位职责的内容答复提案人。`;
    default:
      return '请认真研究办理，并答复提案人。';
  }
}

/**
 * 交办通知书 to one unit: which proposal, in what role, by when (date and working days), how to
 * object, whom to call — the committee's staff member who assigned it and the proposer.
 */
export function assignmentNotice(f: ProposalFacts, a: FactsAssignment, workdays: number): OfficialDocument {
  const p = f.proposal;
  const number = numberOf(p);
  const others = f.assignments.filter((o) => o.round === a.round && o.id !== a.id);
  const office = `${f.committee.shortName}提案委员会`;
  const supporting = a.role === 'assisting' || a.role === 'joint';
  const deadline = `${chineseDate(a.replyDeadline)}前（自交办之日起${workdays}个工作日内）`;
  const contact = f.assigner ? `（联系人：${f.assigner.name}${f.assigner.phone ? `，联系电话：${f.assigner.phone}` : ''}）` : null;
  const proposerContact = f.lead ? `提案人联系方式：${f.lead.name}${f.lead.phone ? `，${f.lead.phone}` : ''}${f.lead.workplace ? `（${f.lead.workplace}）` : ''}。` : null;
  const blocks: Block[] = [
    { type: 'masthead', name: f.committee.name, maxSize: 26 },
    { type: 'title', text: a.round > 1 ? '提案交办通知书\n（二次办理）' : '提案交办通知书' },
    { type: 'addressee', text: `${fullUnitName(regionOf(f.committee.name), a.unitName)}：` },
    {
      type: 'paragraph',
      content: [
        `现将${number ? `${number}` : ''}提案《`, { text: p.title, bold: true }, `》（提案人：${proposerText(f)}）交由你单位`,
        { text: handlingRoles[a.role as HandlingRole] ?? a.role, bold: true }, `办理。${duty(a, others)}`,
      ],
    },
    {
      type: 'paragraph',
      content: supporting ? `请于${deadline}将${handlingRoles[a.role as HandlingRole]}意见送主办单位。` : `请于${deadline}将答复函送提案人，同时抄送${office}。`,
    },
    { type: 'paragraph', content: `如认为本提案不属于你单位职责范围，请于${chineseDate(a.objectionDeadline)}前提出异议并说明理由，不得自行转办。办理中请做好办前沟通、办中协商、办后反馈，答复前与提案人充分沟通。` },
    ...(proposerContact ? [{ type: 'paragraph', content: proposerContact } as Block] : []),
    {
      type: 'table',
      widths: [1.2, 3, 1.2, 2],
      rows: [
        [{ text: '提案编号', label: true }, { text: number || '—' }, { text: '提案类别', label: true }, { text: p.category }],
        [{ text: '案由', label: true }, { text: p.title, span: 3 }],
        [{ text: '交办方式', label: true }, { text: handlingRoles[a.role as HandlingRole] ?? a.role }, { text: '交办日期', label: true }, { text: chineseDate(a.assignedOn) }],
        [{ text: '异议期限', label: true }, { text: chineseDate(a.objectionDeadline) }, { text: supporting ? '意见期限' : '答复期限', label: true }, { text: chineseDate(a.replyDeadline) }],
      ],
    },
    { type: 'signature', name: office, date: chineseDate(a.assignedOn) },
    ...(contact ? [{ type: 'note', text: contact } as Block] : []),
    {
      type: 'record',
      lines: [
        ...(others.length ? [{ left: `抄送：${others.map((o) => o.unitName).join('，')}。` }] : []),
        { left: office, right: `${chineseDate(a.assignedOn)}印发` },
      ],
    },
  ];
  return { title: `${number}提案交办通知书（${a.unitName}）`, author: f.committee.name, blocks };
}
