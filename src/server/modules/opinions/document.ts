import { renderDocx } from '../../platform/documents/docx.js';
import { chineseDate, paragraphsOf, type Block, type OfficialDocument } from '../../platform/documents/model.js';

export interface IssueDocument {
  committeeName: string;
  periodical: string;
  issueTitle: string;
  year: number;
  number: number;
  signedByName: string | null;
  date: string;
  items: { title: string; authorText: string; body: string; source: string | null }[];
  recipients: string[];
}

/**
 * 《社情民意》 in the usual layout of a committee's bulletin, on the shared official page: the red
 * masthead, the issue number, the issuing body and date over a red rule; then each report with its
 * title and author; the recipients (报送) and who signed it off (签发) at the end.
 */
export function issueLayout(d: IssueDocument): OfficialDocument {
  const blocks: Block[] = [
    { type: 'masthead', name: d.periodical, maxSize: 42, below: [{ center: `${d.year}年第${d.number}期` }, { left: `${d.committeeName}办公室编`, right: chineseDate(d.date) }] },
  ];
  for (const item of d.items) {
    blocks.push(
      { type: 'title', text: item.title },
      { type: 'subtitle', text: `（${item.authorText}${item.source ? ` · ${item.source}` : ''}）` },
      ...paragraphsOf(item.body).map((line): Block => ({ type: 'paragraph', content: line })),
    );
  }
  blocks.push({ type: 'record', lines: [{ left: `报送：${d.recipients.join('，') || '—'}`, ...(d.signedByName ? { right: `签发：${d.signedByName}` } : {}) }] });
  return { title: `${d.periodical} ${d.issueTitle}`, author: d.committeeName, blocks };
}

/** The issue as a .docx. */
export const issueDocx = (d: IssueDocument): Promise<Buffer> => renderDocx(issueLayout(d));
