import { defineModule } from '../modules/manifest.js';
import { settingsRoutes } from './routes.js';

/** 规则设置: the admin's page over every module's settings (each module lists its own in its manifest). */
export const settingsModule = defineModule({
  name: 'settings',
  label: '规则设置',
  routes: [settingsRoutes],
});
