import { defineModule } from '../../platform/modules/manifest.js';
import { outreachRoutes } from './routes.js';
import { outreachSummary } from './summary.js';

/** 联系群众: diaries, deeds, public-service activities, livelihood councils and paired residents. */
export const outreachModule = defineModule({
  name: 'outreach',
  label: '联系群众',
  routes: [outreachRoutes],
  summary: outreachSummary,
});
