/** The words of 委员之家 (the Members' Home) and 主席接待日 (the chair's reception day). */

/** Who is on duty: a member of the chairs' meeting (主席、副主席) or a special committee's director (专委会主任). */
export const dutyCapacities = { chair: '主席会议成员', director: '专委会负责人' } as const;
export type DutyCapacity = keyof typeof dutyCapacities;
export const dutyCapacityList = Object.keys(dutyCapacities) as [DutyCapacity, ...DutyCapacity[]];

/** A duty day of the rota: kept, or cancelled by staff (with a reason; nothing is deleted). */
export const dutyStatuses = { active: '值班', cancelled: '已取消' } as const;

/** What became of a suggestion collected during a duty. */
export const suggestionStatuses = { open: '待转化', proposal: '已转为提案', opinion: '已转为社情民意信息' } as const;
export type SuggestionStatus = keyof typeof suggestionStatuses;

/** Whose the converted record is: the member who made the suggestion, or the member on duty. */
export const conversionAuthors = { visitor: '提出建议的委员', duty: '值班委员本人' } as const;

/** Days of the week as the opening-days setting stores them (1 = Monday … 7 = Sunday). */
export const weekdayLabels: Record<number, string> = { 1: '周一', 2: '周二', 3: '周三', 4: '周四', 5: '周五', 6: '周六', 7: '周日' };
