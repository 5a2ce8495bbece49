import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCsv } from '../../src/server/platform/csv.js';

export interface RealProposal {
  number: string;
  title: string;
  content: string;
  category: string;
  proposer: string;
}

export const proposalsCsv = path.resolve('src/server/demo/data/jszx2019_jiangsu_cppcc_proposals.csv');

export function loadRealProposals(): RealProposal[] {
  return parseCsv(readFileSync(proposalsCsv, 'utf8')).map((r) => ({ number: r.proposal_number, title: r.reason, content: r.content, category: r.type, proposer: r.personnel_name }));
}

export function loadGroups(file = path.resolve('bench/similarity/groups-dev.json')): string[][] {
  return JSON.parse(readFileSync(file, 'utf8')).groups;
}

/**
 * Recall@k over labelled groups: each member of a group queries with its own title and body, and
 * we count how many of the other members appear among the top k (the query itself excluded),
 * divided by how many could appear. Averaged over every query.
 */
export async function recallAtK(groups: string[][], byNumber: Map<string, RealProposal>, search: (p: RealProposal, k: number) => Promise<string[]>, k = 5) {
  let sum = 0;
  let queries = 0;
  for (const g of groups) {
    for (const q of g) {
      const others = g.filter((x) => x !== q);
      const found = (await search(byNumber.get(q)!, k)).filter((n) => n !== q).slice(0, k);
      sum += others.filter((o) => found.includes(o)).length / Math.min(k, others.length);
      queries++;
    }
  }
  return { recall: sum / queries, queries };
}
