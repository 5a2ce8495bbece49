import { defineModule } from '../../platform/modules/manifest.js';
import { publishedProposalsSection } from './section.js';
import { publishedProposalsSearch } from './proposals.js';
import { portalRoutes } from './routes.js';
import { publicFormSettings } from '../../platform/public-forms/settings.js';

/** 公开门户: what the public may read without logging in, and the protection of what it may send. */
export const portalModule = defineModule({
  name: 'portal',
  label: '公开门户',
  routes: [portalRoutes],
  // the abuse protection of every public form (民生诉求, 群众出题)
  settings: [publicFormSettings],
  portal: publishedProposalsSection,
  publicSearch: publishedProposalsSearch,
});
