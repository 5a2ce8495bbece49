import { defineModule } from '../../platform/modules/manifest.js';
import { dashboardRoutes } from './dashboard.js';

/** 首页数据: the home page shows every module's cards. */
export const statsModule = defineModule({
  name: 'stats',
  label: '首页数据',
  routes: [dashboardRoutes],
});
