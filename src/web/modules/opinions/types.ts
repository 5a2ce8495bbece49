/** Shapes of the 社情民意 API (see src/server/modules/opinions/presenter.ts). */

export type Level = 'district' | 'city' | 'province' | 'national';
export const levelLabels: Record<Level, string> = { district: '区级', city: '市级', province: '省级', national: '全国' };
export const adoptionModeLabels = { alone: '单篇采用', digest: '综合采用' } as const;
export const sendKindLabels = { partyCommittee: '党委', government: '政府', higherCommittee: '上级政协', department: '部门' } as const;
export const authorTypeLabels = { member: '委员个人', party: '党派团体', specialCommittee: '专委会', lowerCommittee: '下级政协' } as const;
export const statusColors: Record<string, string> = { draft: 'default', submitted: 'processing', adopted: 'success', declined: 'warning', combined: 'purple', withdrawn: 'default' };
export const issueStatusColors: Record<string, string> = { draft: 'default', approved: 'processing', signed: 'blue', published: 'success' };
export const incomingLabels: Record<string, string> = { sent: '待上级处理', adopted: '上级已采用', declined: '上级未采用' };

export interface OpinionRow {
  id: string;
  version: number;
  serial: number | null;
  year: number;
  title: string;
  category: string;
  authorType: string;
  authorTypeLabel: string;
  authorText: string;
  status: string;
  statusLabel: string;
  submittedAt: string | null;
  length: number;
  committeeId: string;
  committeeName: string;
  own: boolean;
  issue: { id: string; title: string; status: string } | null;
  adoptionCount: number;
  topLevel: Level | null;
  topLevelLabel: string | null;
  instructionCount: number;
  sentUp: { id: string; version: number; targetName: string; status: string; sentOn: string; feedback: string | null } | null;
  handlingStatus: string | null;
  combinedIntoId: string | null;
  actions: string[];
}

export interface Revision {
  id: string;
  number: number;
  title: string;
  body: string;
  editorName: string;
  note: string | null;
  createdAt: string;
}

import type { Attachment } from '../../app/ui/AttachmentPicker';
export type { Attachment };

/** An earlier report like the text being written (GET /api/opinions/similar). */
export interface SimilarOpinion {
  id: string;
  title: string;
  score: number;
  year: number;
  serial: number | null;
  status: string;
  statusLabel: string;
  authorText: string;
  category: string;
  issueTitle: string | null;
  readable: boolean;
}

export interface OpinionDetail extends OpinionRow {
  body: string;
  /** 提案转来: the proposal this report was converted from */
  fromProposalId: string | null;
  feedback: string | null;
  authorBody: string | null;
  authorMemberId: string | null;
  sentUpAt: string | null;
  revisions: Revision[];
  attachments: Attachment[];
  sends: { id: string; kind: string; kindLabel: string; targetName: string; sentOn: string; status: string; feedback: string | null; note: string | null; recordedByName: string }[];
  adoptions: { id: string; level: Level; levelLabel: string; mode: string; modeLabel: string; adoptedBy: string; department: string | null; adoptedOn: string; recordedByName: string; note: string | null }[];
  instructions: { id: string; leaderName: string; level: Level; levelLabel: string; instructedOn: string; text: string; followUp: string | null }[];
  assignments: { id: string; unitName: string; roleLabel: string; status: string; replyDeadline: string; overdue: boolean }[];
  replies: { id: string; unitName: string; answerClass: string; body: string; status: string; sentAt: string | null }[];
  sources: { id: string; title: string; authorText: string }[];
  combinedInto: { id: string; title: string; status: string } | null;
  incoming: { id: string; version: number; status: string; sentOn: string; note: string | null; feedback: string | null } | null;
  history: { action: string; actionLabel: string; actorName: string; at: string; note: string | null }[];
}

export interface OpinionList {
  items: OpinionRow[];
  total: number;
  actions: string[];
}

export interface OpinionOptions {
  maxLength: number;
  categories: string[];
  periodical: string;
  yearlyQuota: number;
  answerClasses: { code: string; label: string }[];
  committeeLevel: Level;
  hasParent: boolean;
}

export interface Issue {
  id: string;
  version: number;
  year: number;
  number: number;
  title: string;
  status: 'draft' | 'approved' | 'signed' | 'published';
  approvedByName: string | null;
  signedByName: string | null;
  publishedAt: string | null;
  actions: string[];
  items?: { position: number; id: string; title: string; authorText: string; category: string; length: number; committeeName: string; own: boolean }[];
}
export const issueStatusLabels: Record<Issue['status'], string> = { draft: '编辑中', approved: '已审核', signed: '已签发', published: '已印发' };

export interface Credit {
  year: number;
  quota: number;
  submitted: number;
  adopted: number;
  instructed: number;
  adoptedByLevel: Record<Level, number>;
  instructedByLevel: Record<Level, number>;
}

export interface Stats {
  year: number;
  quota: number;
  submitted: number;
  adopted: number;
  declined: number;
  combined: number;
  byLevel: Record<Level, number>;
  instructionsByLevel: Record<Level, number>;
  byAuthor: { memberId: string; name: string; sector: string; submitted: number; adopted: number; instructed: number; quotaMet: boolean; adoptedByLevel: Record<Level, number> }[];
  bySector: { sector: string; members: number; submitted: number; adopted: number; instructed: number }[];
  byCategory: { category: string; submitted: number; adopted: number }[];
}
