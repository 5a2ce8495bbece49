import { defineModule } from '../../platform/modules/manifest.js';
import { studiosSection } from './portal.js';
import { organisationCards } from './cards.js';
import { orgRoutes } from './routes.js';

/** 组织机构: terms and sessions, sectors, special committees, units and the other catalogs. */
export const orgModule = defineModule({
  name: 'org',
  label: '组织机构',
  routes: [orgRoutes],
  cards: [organisationCards],
  portal: studiosSection,
});
