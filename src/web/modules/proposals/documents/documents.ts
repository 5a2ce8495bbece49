/** One printable document of a proposal, as GET /api/proposals/:id/documents lists it for the reader. */
export interface ProposalDocument {
  kind: 'form' | 'notice' | 'reply';
  assignmentId: string | null;
  /** 提案表 / 交办通知书（区教育局·主办） / 答复函（区教育局·主办） */
  label: string;
}

export const fileUrl = (proposalId: string, d: ProposalDocument, format: string) =>
  `/proposals/${proposalId}/documents/${d.kind}.${format}${d.assignmentId ? `?assignmentId=${d.assignmentId}` : ''}`;
