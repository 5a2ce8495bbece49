import type { ProposalOutcome } from '@shared/proposals/responses';

export type { Advice, ReviewAdvice, SubjectGroup } from '@shared/proposals/drafting';

/** How a proposal ended. */
export type Outcome = ProposalOutcome;
