import { definePolicy } from '../../../platform/policy/policy.js';
import { roles } from '../../../platform/auth/actor.js';

/**
 * 提案统计: the committee's staff (every office — 办公室 reports the figures too), admins and
 * leaders see a session's figures. Everyone of the committee may "read" that the page exists, so a
 * member is told 403 (not allowed) while another committee's session is 404 (not found).
 */
export const proposalStatsPolicy = definePolicy<{ committeeId: string }, 'read' | 'view'>('proposalStats', '提案统计', {
  read: [{ roles }],
  view: [{ roles: ['staff', 'admin', 'leader'] }],
});
