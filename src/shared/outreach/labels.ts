/** The words of 联系群众 (outreach): record kinds, their states, and the ways of contact. */

/** 联系方式: 当面 / 电话 / 走访 / 线上. 当面 and 走访 are face to face. */
export const contactWays = { inPerson: '当面', phone: '电话', visit: '走访', online: '线上' } as const;
export type ContactWay = keyof typeof contactWays;
export const contactWayList = Object.keys(contactWays) as [ContactWay, ...ContactWay[]];

/** The states of each member-owned kind of record. */
export const ownedStatuses = {
  partners: { active: '结对中', ended: '已解除', voided: '已作废' },
  contacts: { active: '有效', voided: '已作废' },
  deeds: { inProgress: '进行中', done: '已办结', voided: '已作废' },
  services: { active: '有效', voided: '已作废' },
} as const satisfies Record<string, Record<string, string>>;
export type OwnedKind = keyof typeof ownedStatuses;
export const ownedKinds = Object.keys(ownedStatuses) as OwnedKind[];

/** What each kind is called on its tab and buttons (新增民情日记). */
export const outreachKinds = { contacts: '民情日记', partners: '结对联系对象', deeds: '办实事', services: '公益活动' } as const satisfies Record<OwnedKind, string>;
