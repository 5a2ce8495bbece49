import type { ActivityOwner } from '../../platform/activity/owner.js';

/** Meetings and activities of the committee, as the activity primitive sees them. */
export const meetingOwner: ActivityOwner = { type: 'meeting', link: (id) => `/meetings/${id}` };
