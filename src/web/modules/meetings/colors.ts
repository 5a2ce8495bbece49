/** Tag colours of meeting, attendance and speech states (presentation only; the names come from the server). */

import type { Outcome } from '@shared/meetings/labels';

export const outcomeColors: Record<Outcome, string> = { attended: 'green', excused: 'blue', absent: 'red', leaveRefused: 'volcano', none: 'default' };
export const statusColors: Record<string, string> = { scheduled: 'processing', closed: 'success', cancelled: 'default' };
export const speechColors: Record<string, string> = { submitted: 'processing', oral: 'green', written: 'cyan', notUsed: 'default', withdrawn: 'default' };
