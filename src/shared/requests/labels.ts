/** 民生诉求: the states of a request from the public, and the sender's rating. */
export const requestStates = {
  received: '已受理',
  routed: '已转交',
  handling: '办理中',
  done: '已办结',
  declined: '不予办理',
} as const;
export type RequestState = keyof typeof requestStates;

/** The sender's rating once it is done (RULES.md: 满意 / 基本满意 / 不满意). */
export const requestRatings = { satisfied: '满意', basic: '基本满意', unsatisfied: '不满意' } as const;
export type RequestRating = keyof typeof requestRatings;

/** The staff lists: what waits for routing, what is with members, what is finished, everything. */
export const requestScopes = { open: '待分办', handling: '办理中', closed: '已办结', all: '全部', mine: '我承办的' } as const;
export type RequestScope = keyof typeof requestScopes;

/** The photo rules both sides apply (the byte limit and count are settings; these are the kinds). */
export const photoExtensions = ['jpg', 'jpeg', 'png'] as const;
export const photoAllowedText = '照片只能是 JPG 或 PNG 图片';
