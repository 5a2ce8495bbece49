/** The words of the members roster (委员名册). */

/** 职务: the positions of a member in the committee, highest first. */
export const positionLabels = {
  chair: '主席',
  viceChair: '副主席',
  secretaryGeneral: '秘书长',
  standingMember: '常委',
  member: '委员',
} as const;
export type Position = keyof typeof positionLabels;
export const positions = Object.keys(positionLabels) as Position[];

export const genders = ['男', '女'] as const;

/** 在任 / 已离任 */
export const memberStatuses = { active: '在任', resigned: '已离任' } as const;
export type MemberStatus = keyof typeof memberStatuses;
