import { defineModule } from '../../platform/modules/manifest.js';
import { performanceCards } from './cards.js';
import { performanceCockpit } from './cockpit.js';
import { performanceRoutes } from './routes.js';
import { performanceSettings } from './settings.js';

/** 履职考核: scoring the performance ledger by the committee's rules. */
export const performanceModule = defineModule({
  name: 'performance',
  label: '履职考核',
  routes: [performanceRoutes],
  cards: [performanceCards],
  settings: [performanceSettings],
  cockpit: performanceCockpit,
});
