/** 职务, highest first; kept in step with src/server/modules/members/positions.ts. */
export const positionLabels = {
  chair: '主席',
  viceChair: '副主席',
  secretaryGeneral: '秘书长',
  standingMember: '常委',
  member: '委员',
} as const;
export type Position = keyof typeof positionLabels;

/** 委员, with the names of the catalog entries it refers to (the server resolves them). */
export interface Member {
  id: string;
  termId: string;
  code: string;
  name: string;
  gender: '男' | '女';
  ethnicity: string;
  birthDate: string | null;
  partyId: string | null;
  partyName: string | null;
  sectorId: string | null;
  sectorName: string | null;
  specialCommitteeIds: string[];
  specialCommitteeNames: string[];
  position: Position;
  positionLabel: string;
  studioId: string | null;
  studioName: string | null;
  streetGroupId: string | null;
  streetGroupName: string | null;
  workplace: string | null;
  jobTitle: string | null;
  phone: string | null;
  email: string | null;
  status: 'active' | 'resigned';
  version: number;
  actions: string[];
}

export interface MemberFilters {
  q?: string;
  sectorId?: string;
  specialCommitteeId?: string;
  position?: Position;
}
