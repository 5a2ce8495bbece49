import { defineModule } from '../../platform/modules/manifest.js';
import { consultationPlanSection } from './portal.js';
import { councilSearch } from './council-search.js';
import { namedAuditSubject } from '../../platform/audit/names.js';
import { consultationRoutes } from './routes.js';
import { roomRoutes } from './room-routes.js';
import { councilRoutes } from './council-routes.js';
import { readableCouncilIds } from './council-load.js';
import { readablePostIds } from './room-load.js';
import { consultationCouncils, consultationPlans, consultationRecommendations, consultationRoomPosts, consultationRooms, consultations, consultationTopics } from './schema.js';
import { consultationSettings } from './settings.js';
import { consultationItemPort } from './port.js';
import { readableConsultationIds, readableTopicIds } from './load.js';
import { consultationSummary } from './summary.js';
import { remindConsultationTimings } from './reminders.js';

/** 协商议政: topic suggestions from four sources, the year's plan through the four reviews, consultations held. */
export const consultationModule = defineModule({
  name: 'consultation',
  label: '协商议政',
  routes: [consultationRoutes, roomRoutes, councilRoutes],
  ports: [consultationItemPort],
  settings: [consultationSettings],
  auditSubjects: {
    consultationTopic: namedAuditSubject(consultationTopics, [consultationTopics.title], ([title]) => `协商选题《${title}》`),
    consultationPlan: namedAuditSubject(consultationPlans, [consultationPlans.title], ([title]) => `《${title}》`),
    consultation: namedAuditSubject(consultations, [consultations.title], ([title]) => `协商《${title}》`),
    // a recommendation sent to departments (its handling rows: 签收, 答复完毕) by its opening words, as 调研建议 are
    consultationItem: namedAuditSubject(consultationRecommendations, [consultationRecommendations.text], ([text]) => `协商建议“${[...String(text)].slice(0, 20).join('')}”`),
    consultationRoom: namedAuditSubject(consultationRooms, [consultationRooms.title], ([title]) => `网络议政室《${title}》`),
    // a post by its opening words: enough to find it, never its author's contact
    consultationCouncil: namedAuditSubject(consultationCouncils, [consultationCouncils.topic], ([topic]) => `基层协商议事会“${topic}”`),
    // the 联系群众 livelihood councils moved here with their ids: their rows in the trail keep their old subject
    outreachCouncil: namedAuditSubject(consultationCouncils, [consultationCouncils.topic, consultationCouncils.day], ([topic, day]) => `民生议事会“${topic}”（${day}）`),
    consultationRoomPost: namedAuditSubject(consultationRoomPosts, [consultationRoomPosts.body], ([body]) => `议政发言「${String(body).slice(0, 20)}」`),
  },
  ledgerSources: { consultationCouncil: readableCouncilIds, consultationTopic: readableTopicIds, consultation: readableConsultationIds, consultationRoomPost: readablePostIds },
  summary: consultationSummary,
  jobs: () => [{ name: 'consultation.remind-timings', everySeconds: 3600, run: (db, now) => remindConsultationTimings(db, now) }],
  portal: consultationPlanSection,
  publicSearch: councilSearch,
});
