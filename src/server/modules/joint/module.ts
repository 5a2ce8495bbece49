import { defineModule } from '../../platform/modules/manifest.js';
import { jointRoutes } from './routes.js';
import { leadsDistricts } from './capabilities.js';
import { jointSettings } from './settings.js';

/**
 * 上下联动: a parent committee's joint inspections and research with its districts (each district's
 * members take part in an event of their own committee and earn their own ledger entries there),
 * and the districts' totals with what each sent up. Its events are activities (owner 'joint');
 * their audit subject is the activity's.
 */
export const jointModule = defineModule({
  name: 'joint',
  label: '上下联动',
  routes: [jointRoutes],
  settings: [jointSettings],
  capabilities: { 'joint.districts': leadsDistricts },
});
