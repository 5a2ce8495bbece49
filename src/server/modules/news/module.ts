import { namedAuditSubject } from '../../platform/audit/names.js';
import { defineModule } from '../../platform/modules/manifest.js';
import { newsSearch, newsSection, noticesSection } from './portal.js';
import { newsRoutes } from './routes.js';
import { newsPosts } from './schema.js';

/** 新闻动态 / 通知公告: what the general office publishes on the committee's public portal. */
export const newsModule = defineModule({
  name: 'news',
  label: '新闻公告',
  routes: [newsRoutes],
  portal: [noticesSection, newsSection],
  publicSearch: newsSearch,
  auditSubjects: { newsPost: namedAuditSubject(newsPosts, [newsPosts.title], ([title]) => `《${title}》`) },
});
