import type { Outcome } from '../../../shared/meetings/labels.js';

export { activityKindList, activityKinds, outcomeLabels, scopeTypeLabels, type ActivityKind, type Outcome } from '../../../shared/meetings/labels.js';

export const ledgerKindOf = (kind: string, outcome: Exclude<Outcome, 'none'>) => `activity.${kind}.${outcome}`;

/** Who may be invited: everyone, one special committee, one sector, one studio, or named members. */
export type InvitationScope =
  | { type: 'everyone' }
  | { type: 'specialCommittee'; id: string }
  | { type: 'sector'; id: string }
  | { type: 'studio'; id: string }
  | { type: 'members'; ids: string[] };

