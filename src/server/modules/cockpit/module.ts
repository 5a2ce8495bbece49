import { defineModule } from '../../platform/modules/manifest.js';
import { cockpitRoutes } from './routes.js';

/** 驾驶舱: the leaders' charts of a year across every module (each module's `cockpit` and `summary`). */
export const cockpitModule = defineModule({
  name: 'cockpit',
  label: '驾驶舱',
  routes: [cockpitRoutes],
});
