import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../../src/server/platform/csv.js';
import { splitSections } from '../../src/server/modules/proposals/import/content.js';

const data = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/server/demo/data');

/** The 436 real proposals of the Jiangsu 2019 list, split into 情况/分析/建议 as the importer does. */
export const realProposals = () =>
  parseCsv(readFileSync(path.join(data, 'jszx2019_jiangsu_cppcc_proposals.csv'), 'utf8')).map((r, i) => ({
    index: i, number: r.proposal_number, proposer: r.personnel_name, title: r.reason.replace(/\s+/g, ' ').trim(), category: r.type, ...splitSections(r.content),
  }));

/** The 495 real citizen messages (Taidi 2020): title and text of a personal or single-case request. */
export const realMessages = () =>
  parseCsv(readFileSync(path.join(data, 'taidi2020_wenzheng_messages_labeled.csv'), 'utf8')).map((r) => ({ id: r.msg_id, title: r.subject, text: r.detail, category: r.category_l1 }));
