/** 学习: 每日一学 items and 书香政协 reading groups. */

/** A daily item's states: drafted by staff, published to the members, withdrawn (no longer shown to them). */
export const itemStates = { draft: '草稿', published: '已发布', withdrawn: '已撤回' } as const;
export type ItemState = keyof typeof itemStates;

/** A reading group is open for check-ins within its period, until staff close it. */
export const groupStates = { open: '进行中', closed: '已结束' } as const;
export type GroupState = keyof typeof groupStates;

/** The ledger kinds the module writes (scored by the performance module's rules). */
export const learningKinds = {
  daily: 'learning.daily',
  reading: 'learning.reading',
  note: 'learning.note',
} as const;

/** The limits both sides apply (the pages check them without bundling zod). */
export const learningLimits = { title: 100, body: 5000, source: 200, link: 500, name: 50, book: 100, description: 1000, reading: 200, note: 2000, groupMembers: 200 } as const;
