import { chineseDate, paragraphsOf, type Block, type OfficialDocument } from '../../platform/documents/model.js';
import { fullUnitName, regionOf } from '../proposals/documents/facts.js';

/** What the 监督建议书 and the unit's reply letter say, read once by the route (see `suggestionFacts`). */
export interface SuggestionFacts {
  committee: { name: string; shortName: string };
  suggestion: { year: number; serial: number | null; title: string; findings: string; recommendations: string; status: string; signedByName: string | null; signedAt: Date | null; sentOn: string | null; updatedAt: Date };
  groupName: string;
  leaderName: string;
  topicTitle: string | null;
  /** the group's activities held for the suggestion's topic (or for the group, without a topic), closed ones */
  activities: { kindLabel: string; day: string }[];
  /** the units of the latest round, with their reply deadline */
  units: { name: string; replyDeadline: string; round: number }[];
  /** the reply period in working days (the module's setting) */
  replyWorkdays: number | null;
}

/** 龙政协监建〔2026〕3号: the suggestion's number as its masthead prints it (none before it is signed). */
export const suggestionNumber = (f: SuggestionFacts) =>
  f.suggestion.serial ? `${f.committee.shortName.replace(/区?政协$/, '').slice(0, 1)}政协监建〔${f.suggestion.year}〕${f.suggestion.serial}号` : '';

/** 2026年5月12日视察、5月20日座谈 — how the group went about it, in the order held. */
function howItWent(f: SuggestionFacts): string {
  if (f.activities.length === 0) return '';
  const days = f.activities.map((a) => `${chineseDate(a.day)}${a.kindLabel}`);
  return `先后于${days.join('，')}，`;
}

/**
 * 监督建议书 (GB/T 9704 layout): the committee's red masthead with the suggestion's number; the units
 * it goes to; the seed's words — the group's opinions "以民主监督建议的形式正式转发" to the unit by
 * the office; what the group found and what it asks; the written answer within the reply period
 * ("对短时难以办理、落实的事项，要在10个工作日内以书面形式作出说明"); the office's signature. A
 * suggestion not yet signed off says so where the number would stand.
 */
export function suggestionLetter(f: SuggestionFacts): OfficialDocument {
  const s = f.suggestion;
  const region = regionOf(f.committee.name);
  const office = `${f.committee.shortName}办公室`;
  const number = suggestionNumber(f);
  const signed = s.signedAt !== null && number !== '';
  const day = chineseDate(s.sentOn ?? s.signedAt ?? s.updatedAt);
  const units = f.units.map((u) => fullUnitName(region, u.name));
  const deadline = f.units.map((u) => u.replyDeadline).sort()[0];
  const period = f.replyWorkdays !== null ? `${f.replyWorkdays}个工作日` : '规定期限';
  const about = f.topicTitle ? `围绕“${f.topicTitle}”` : '';
  const blocks: Block[] = [
    { type: 'masthead', name: f.committee.name, maxSize: 26, below: [{ center: signed ? number : '草稿（未签发）' }] },
    { type: 'title', text: `${s.title}\n（民主监督建议书）` },
    { type: 'addressee', text: `${units.length ? units.join('、') : '被监督单位'}：` },
    {
      type: 'paragraph',
      content: `根据${s.year}年度民主监督工作安排，${f.committee.shortName}${f.groupName}${about}${howItWent(f)}深入了解情况，开展民主监督，提出了意见建议。经${f.committee.shortName}审核，现以民主监督建议的形式正式转发你单位，请认真研究办理。`,
    },
    { type: 'heading', level: 1, text: '一、发现的问题' },
    ...paragraphsOf(s.findings).map((t): Block => ({ type: 'paragraph', content: t })),
    { type: 'heading', level: 1, text: '二、意见建议' },
    ...paragraphsOf(s.recommendations).map((t): Block => ({ type: 'paragraph', content: t })),
    { type: 'heading', level: 1, text: '三、办理要求' },
    {
      type: 'paragraph',
      content: `请你单位${deadline ? `于${chineseDate(deadline)}前（自收到之日起${period}内）` : `自收到之日起${period}内`}将本建议的办理、采纳和落实情况书面反馈${office}；对短时难以办理、落实的事项，请在${period}内以书面形式作出说明。${f.committee.shortName}${f.groupName}将对办理情况进行评价和跟踪落实。`,
    },
    {
      type: 'table',
      widths: [1.3, 3, 1.3, 2],
      rows: [
        [{ text: '建议编号', label: true }, { text: number || '—' }, { text: '监督小组', label: true }, { text: f.groupName }],
        [{ text: '监督议题', label: true }, { text: f.topicTitle ?? '—', span: 3 }],
        [{ text: '组长', label: true }, { text: f.leaderName || '—' }, { text: '签发人', label: true }, { text: s.signedByName ?? '—' }],
        [{ text: '发送日期', label: true }, { text: s.sentOn ? chineseDate(s.sentOn) : '—' }, { text: '反馈期限', label: true }, { text: deadline ? chineseDate(deadline) : '—' }],
      ],
      size: 12,
    },
    { type: 'signature', name: office, date: day },
    { type: 'record', lines: [{ left: `抄送：${f.committee.shortName}${f.groupName}。` }, { left: office, right: `${day}印发` }] },
  ];
  return { title: `${s.title}（民主监督建议书）`, author: f.committee.name, blocks };
}

export interface ReplyFacts {
  unitName: string;
  round: number;
  answerClass: string;
  classLabel: string | null;
  body: string;
  contactPerson: string;
  contactPhone: string;
  status: string;
  signedBy: string | null;
  day: Date;
}

/**
 * 被监督单位的书面反馈: the unit's letter to the committee's office on the suggestion — its red
 * letterhead, the answer class (已采纳并落实 / 正在落实 / 暂不能落实并书面说明理由), the reply text,
 * the unit and date, the contact person; a draft says so where the signer would stand.
 */
export function replyLetter(f: SuggestionFacts, r: ReplyFacts): OfficialDocument {
  const unit = fullUnitName(regionOf(f.committee.name), r.unitName);
  const number = suggestionNumber(f);
  const signer = r.status === 'draft' ? '草稿（未签发）' : `签发人：${r.signedBy ?? ''}`;
  const blocks: Block[] = [
    { type: 'masthead', name: unit, maxSize: 36, rule: 'double' },
    { type: 'spread', spread: { left: `反馈类别：${r.answerClass}${r.classLabel ? `（${r.classLabel}）` : ''}`, right: signer }, size: 14 },
    { type: 'title', text: `关于《${f.suggestion.title}》${r.round > 1 ? '再次办理' : '办理'}情况的反馈` },
    { type: 'addressee', text: `${f.committee.shortName}办公室：` },
    { type: 'paragraph', content: `你办${number ? `${number}` : ''}民主监督建议收悉。现将办理、采纳和落实情况反馈如下：` },
    ...paragraphsOf(r.body).map((t): Block => ({ type: 'paragraph', content: t })),
    { type: 'signature', name: unit, date: chineseDate(r.day) },
    { type: 'note', text: `（联系人：${r.contactPerson}，联系电话：${r.contactPhone}）` },
    { type: 'record', lines: [{ left: `抄送：${f.committee.shortName}${f.groupName}。` }, { left: unit, right: `${chineseDate(r.day)}印发` }] },
  ];
  return { title: `${unit}关于《${f.suggestion.title}》的反馈`, author: unit, blocks };
}
