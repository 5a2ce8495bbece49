import { definePolicy, type CommitteeScope } from '../../platform/policy/policy.js';
import type { newsPosts } from './schema.js';

export type NewsPostRow = typeof newsPosts.$inferSelect;

/**
 * The general office (办公室) and admins write, publish and withdraw the committee's news and
 * notices; leaders read the drafts too. Everyone else reads a post on the portal once it is
 * published, where no sign-in is needed — so the signed-in routes are the office's.
 */
const writers = { roles: ['staff', 'admin'] as const, when: (a: { roles: readonly string[]; office: string | null }) => a.roles.includes('admin') || a.office === 'general' };

export const newsPolicy = definePolicy<NewsPostRow, 'read' | 'update' | 'publish' | 'withdraw'>('newsPost', '新闻公告', {
  read: [{ roles: writers.roles, when: (a) => writers.when(a) }, { roles: ['leader'] }],
  update: [{ roles: writers.roles, when: (a) => writers.when(a) }],
  publish: [{ roles: writers.roles, when: (a, s) => writers.when(a) && s.status !== 'published' }],
  withdraw: [{ roles: writers.roles, when: (a, s) => writers.when(a) && s.status === 'published' }],
});

export const newsCollectionPolicy = definePolicy<CommitteeScope, 'read' | 'create'>('newsPosts', '新闻公告', {
  read: [{ roles: writers.roles, when: (a) => writers.when(a) }, { roles: ['leader'] }],
  create: [{ roles: writers.roles, when: (a) => writers.when(a) }],
});
