import { chineseDate, type Block, type OfficialDocument } from '../../platform/documents/model.js';

export interface ReportDocument {
  committeeName: string;
  title: string;
  groupText: string;
  background: string;
  problems: string;
  suggestions: string;
  finalizedOn: string | null;
}

const paragraphs = (text: string): Block[] => text.split(/\n+/).filter((p) => p.trim()).map((content) => ({ type: 'paragraph', content: content.trim(), indent: true }));

/**
 * 《调研报告》 as the committee sends it on: the title, the group that wrote it, the three parts
 * (基本情况、存在问题、对策建议) and the committee with the day it was finalised.
 */
export function reportLayout(d: ReportDocument): OfficialDocument {
  const blocks: Block[] = [
    { type: 'title', text: d.title },
    { type: 'subtitle', text: d.groupText },
    { type: 'heading', level: 1, text: '一、基本情况' },
    ...paragraphs(d.background),
    { type: 'heading', level: 1, text: '二、存在问题' },
    ...paragraphs(d.problems),
    { type: 'heading', level: 1, text: '三、对策建议' },
    ...paragraphs(d.suggestions),
    { type: 'signature', name: d.committeeName, date: d.finalizedOn ? chineseDate(d.finalizedOn) : '（未定稿）' },
  ];
  return { title: d.title, author: d.committeeName, blocks };
}
