import { chineseDate, paragraphsOf, type Block, type OfficialDocument } from '../../../platform/documents/model.js';
import { fullUnitName, numberOf, regionOf, type FactsAssignment, type ProposalFacts } from './facts.js';
import type { Reply } from './policy.js';

/** 张三委员 / 张三、李四委员 / 民盟龙岗区基层委员会 — to whom the letter is addressed. */
function addressee(f: ProposalFacts): string {
  if (!f.lead) return f.proposal.collectiveBody ?? f.proposal.proposerText ?? '提案人';
  return `${[f.lead, ...f.cosigners].map((p) => p.name).join('、')}委员`;
}

/**
 * 答复函: the unit's letter to the proposer in letter format — the unit's red letterhead over a
 * double rule, the answer class (A/B/C/D) and the signer at the top, the reply text, the unit and
 * date, the contact person, whether it may be published, and copies to the committee and the
 * other units of the round. A draft says so where the signer would stand.
 */
export function replyLetter(f: ProposalFacts, a: FactsAssignment, r: Reply, classLabel: string | null): OfficialDocument {
  const p = f.proposal;
  const region = regionOf(f.committee.name);
  const unit = fullUnitName(region, a.unitName);
  const number = numberOf(p);
  const day = r.sentAt ?? r.signedAt ?? r.updatedAt;
  const others = f.assignments.filter((o) => o.round === a.round && o.id !== a.id).map((o) => o.unitName);
  const signer = r.status === 'draft' ? '草稿（未签发）' : `签发人：${r.signedBy ?? ''}`;
  const blocks: Block[] = [
    { type: 'masthead', name: unit, maxSize: 36, rule: 'double' },
    { type: 'spread', spread: { left: `答复类别：${r.answerClass}${classLabel ? `（${classLabel}）` : ''}`, right: signer }, size: 14 },
    { type: 'title', text: `关于${f.committee.shortName}${number}提案${a.round > 1 ? '二次办理情况' : ''}的答复` },
    { type: 'addressee', text: `${addressee(f)}：` },
    ...paragraphsOf(r.body).map((t): Block => ({ type: 'paragraph', content: t })),
    { type: 'signature', name: unit, date: chineseDate(day) },
    { type: 'note', text: `（联系人：${r.contactPerson}，联系电话：${r.contactPhone}）` },
    { type: 'note', text: r.disclose ? '（此件公开发布）' : `（此件不予公开${r.nondisclosureReason ? `：${r.nondisclosureReason}` : ''}）` },
    {
      type: 'record',
      lines: [{ left: `抄送：${[`${f.committee.shortName}提案委员会`, ...others].join('，')}。` }, { left: unit, right: `${chineseDate(day)}印发` }],
    },
  ];
  return { title: `${unit}关于${number}提案的答复`, author: unit, blocks };
}
