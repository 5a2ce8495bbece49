import type { ProposalState } from '@shared/proposals/labels';

/** Tag colours: grey before submission, blue in review, red when something needs the author, green when done. */
export const statusColors: Record<ProposalState, string> = {
  draft: 'default',
  submitted: 'blue',
  reviewing: 'blue',
  deciding: 'blue',
  returned: 'red',
  withdrawn: 'default',
  filed: 'cyan',
  rejected: 'default',
  converted: 'purple',
  merged: 'purple',
  handling: 'processing',
  replied: 'orange',
  rehandling: 'magenta',
  closed: 'green',
};
export const statusColor = (status: string) => statusColors[status as ProposalState] ?? 'default';
