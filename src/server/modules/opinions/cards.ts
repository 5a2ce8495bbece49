import type { CardSource } from '../../platform/modules/manifest.js';
import { summed } from '../../../shared/home/cards.js';
import { listOpinions } from './queries.js';
import { isInfoStaff } from './workflow.js';

/**
 * The information office's queues: reports waiting to be handled here, and what lower committees
 * sent up — each the total of the 信息处理 list it opens.
 */
export const opinionCards: CardSource = async (db, actor) => {
  if (!isInfoStaff(actor)) return [];
  const total = async (scope: 'queue' | 'incoming') => (await listOpinions(db, actor, { scope, page: 1, pageSize: 1 })).total;
  const [queue, incoming] = await Promise.all([total('queue'), total('incoming')]);
  return [
    summed({
      key: 'opinionQueue', label: '信息处理队列', section: 'queue', link: '/opinions/queue',
      parts: [
        { key: 'queue', label: '本级委员和单位报送', value: queue, link: '/opinions/queue?scope=queue' },
        ...(incoming > 0 ? [{ key: 'incoming', label: '下级政协报送', value: incoming, link: '/opinions/queue?scope=incoming' }] : []),
      ],
    }),
  ];
};
