import { defineModule } from '../../platform/modules/manifest.js';
import { summaryRoutes } from './routes.js';

/** 年度工作报告: the year's figures of every module, as a page and as a document. */
export const summaryModule = defineModule({
  name: 'summary',
  label: '年度工作报告',
  routes: [summaryRoutes],
});
