import { defineModule } from '../modules/manifest.js';
import { purgeDelivered } from './outbox.js';

/** 外发队列: delivered outbox rows are kept 30 days for the record, then dropped. */
export const outboxModule = defineModule({
  name: 'outbox',
  label: '外发队列',
  jobs: () => [{ name: 'outbox.purge-delivered', everySeconds: 24 * 3600, run: (db, now) => purgeDelivered(db, 30, now) }],
});
