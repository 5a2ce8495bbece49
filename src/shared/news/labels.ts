/** 新闻动态 and 通知公告: what the committee's office publishes on its public portal. */
export const newsKinds = { news: '新闻动态', notice: '通知公告' } as const;
export type NewsKind = keyof typeof newsKinds;

/** A post is written as a draft, published to the portal, and may be withdrawn (撤回) and published again. */
export const newsStates = { draft: '草稿', published: '已发布', withdrawn: '已撤回' } as const;
export type NewsState = keyof typeof newsStates;
