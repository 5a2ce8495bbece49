import { defineModule } from '../../platform/modules/manifest.js';
import { namedAuditSubject } from '../../platform/audit/names.js';
import { studios } from '../org/schema.js';
import { readableQuestionIds } from './load.js';
import { studiosSection } from './portal.js';
import { studioQuestions } from './schema.js';
import { studioRoutes } from './routes.js';

/**
 * 委员工作室: a studio's public page (profile, members, activities, what it has done), the public's
 * questions to it (线上咨询) and their answers. The studio itself is an org catalog entry.
 */
export const studiosModule = defineModule({
  name: 'studios',
  label: '委员工作室',
  routes: [studioRoutes],
  portal: studiosSection,
  ledgerSources: { studioQuestion: readableQuestionIds },
  auditSubjects: {
    studio: namedAuditSubject(studios, [studios.name], ([name]) => String(name)),
    studioQuestion: namedAuditSubject(studioQuestions, [studioQuestions.askedOn], ([day]) => `线上咨询（${String(day)}）`),
  },
});
