/** What the proposal detail (src/server/modules/proposals/presenter.ts) says about its handling. */
export interface Assignment {
  id: string;
  version: number;
  unitId: string;
  unitName: string;
  role: 'sole' | 'lead' | 'assisting' | 'joint' | 'split';
  roleLabel: string;
  round: number;
  status: 'assigned' | 'signed' | 'objected' | 'done' | 'withdrawn';
  assignedOn: string;
  objectionDeadline: string;
  replyDeadline: string;
  objectionReason: string | null;
  objectionDecision: string | null;
  opinion: string | null;
  opinionAt: string | null;
  signedAt: string | null;
  extensionReason: string | null;
  extensionDays: number | null;
  /** working days granted so far, all requests together */
  extendedDays: number;
  extensionStatus: 'pending' | 'approved' | 'refused' | null;
  overdue: boolean;
  actions: string[];
}

export interface Reply {
  id: string;
  version: number;
  unitId: string;
  unitName: string;
  round: number;
  status: 'draft' | 'signed' | 'sent';
  answerClass: string;
  body: string;
  contactPerson: string;
  contactPhone: string;
  signedBy: string | null;
  sentAt: string | null;
  disclose: boolean;
  nondisclosureReason: string | null;
}

export interface Contact {
  id: string;
  unitName: string;
  authorName: string;
  stage: 'before' | 'during' | 'after';
  method: 'visit' | 'phone' | 'meeting' | 'message';
  contactOn: string;
  summary: string;
}

export interface Rating {
  id: string;
  round: number;
  attitude: string;
  result: string;
  comment: string | null;
  createdAt: string;
}

export interface HandledSubject {
  id: string;
  version: number;
  status: string;
  actions: string[];
  handlingRound?: number;
  assignments: Assignment[];
  replies: Reply[];
  /** proposals carry the contact log on their detail; other subjects load it from /handling/contacts */
  contacts?: Contact[];
  ratings?: Rating[];
}

export const assignmentStatusLabels: Record<Assignment['status'], string> = {
  assigned: '待签收',
  signed: '办理中',
  objected: '已提异议',
  done: '已办结',
  withdrawn: '已撤回',
};
export const replyStatusLabels: Record<Reply['status'], string> = { draft: '草稿', signed: '已签发', sent: '已发送' };
/** As src/server/platform/handling/plan.ts names them. */
export const stageLabels: Record<Contact['stage'], string> = { before: '办前沟通', during: '办中协商', after: '办后反馈' };
export const methodLabels: Record<Contact['method'], string> = { visit: '走访', phone: '电话', meeting: '座谈', message: '书面/网络' };
export const extensionStatusLabels: Record<NonNullable<Assignment['extensionStatus']>, string> = { pending: '待审批', approved: '已批准', refused: '未批准' };
export const ratingLabels: Record<string, string> = { satisfied: '满意', basically: '基本满意', unsatisfied: '不满意' };
