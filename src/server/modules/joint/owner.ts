import type { ActivityOwner } from '../../platform/activity/owner.js';

/** The parent committee's side of a joint inspection or research: its page is the joint event's. */
export const jointOwner: ActivityOwner = { type: 'joint', link: (id) => `/joint/activities/${id}` };
