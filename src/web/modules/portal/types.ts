/** GET /api/portal/… — what the public sees (server: modules/portal/proposals.ts). */

export interface PortalCommittee {
  id: string;
  name: string;
  shortName: string;
  level: string;
  published: number;
}

export interface PortalListItem {
  id: string;
  numberText: string | null;
  title: string;
  category: string;
  year: number;
  proposer: string;
  units: string[];
  publishedAt: string;
}

export interface PortalProposal {
  id: string;
  committee: { id: string; name: string };
  numberText: string | null;
  title: string;
  category: string;
  year: number;
  publishedAt: string;
  proposer: string;
  cosigners: string[];
  background: string;
  analysis: string;
  suggestions: string;
  units: { name: string; roleLabel: string }[];
  replies: { unit: string; round: number; answerClass: string; body: string; signedBy: string | null; sentAt: string }[];
}
