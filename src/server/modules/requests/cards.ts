import type { CardSource } from '../../platform/modules/manifest.js';
import { summed } from '../../../shared/home/cards.js';
import { listRequests } from './queries.js';
import { isRequestStaff } from './workflow.js';

/**
 * 民生诉求 on the home page: for the staff who route them, what waits for routing and what is with
 * members; for a member, the requests in their charge or their studio's still open — each the
 * count of the list it opens.
 */
export const requestCards: CardSource = async (db, actor) => {
  if (isRequestStaff(actor)) {
    const [open, handling] = await Promise.all([listRequests(db, actor, { scope: 'open' }), listRequests(db, actor, { scope: 'handling' })]);
    return [
      summed({
        key: 'requestQueue', label: '群众民生诉求', section: 'queue', link: '/requests',
        parts: [
          { key: 'open', label: '待分办', value: open.length, link: '/requests?scope=open' },
          { key: 'handling', label: '委员办理中', value: handling.length, link: '/requests?scope=handling' },
        ],
      }),
    ];
  }
  if (!actor.memberId) return [];
  const mine = await listRequests(db, actor, { scope: 'handling' });
  if (!mine.length) return [];
  return [{ key: 'requestMine', label: '待办理的民生诉求', section: 'todo', link: '/requests', value: mine.length }];
};
