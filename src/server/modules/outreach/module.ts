import { defineModule } from '../../platform/modules/manifest.js';
import { namedAuditSubject } from '../../platform/audit/names.js';
import { outreachRoutes } from './routes.js';
import { outreachSummary } from './summary.js';
import { outreachContacts, outreachDeeds, outreachPartners, outreachServices } from './schema.js';

/** The first words of a longer text, enough to tell one diary entry from another. */
const opening = (text: unknown, max = 16) => {
  const chars = [...String(text ?? '').replace(/\s+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max).join('')}…`;
};

/** 联系群众: diaries, deeds, public-service activities and paired residents (livelihood councils are 协商议政's grassroots councils). */
export const outreachModule = defineModule({
  name: 'outreach',
  label: '联系群众',
  routes: [outreachRoutes],
  summary: outreachSummary,
  // the auditor reads each record by what it is called and when (found by either)
  auditSubjects: {
    outreachContact: namedAuditSubject(outreachContacts, [outreachContacts.day, outreachContacts.raised], ([day, raised]) => `民情日记（${day}）：${opening(raised)}`),
    outreachDeed: namedAuditSubject(outreachDeeds, [outreachDeeds.title, outreachDeeds.day], ([title, day]) => `办实事《${title}》（${day}）`),
    outreachService: namedAuditSubject(outreachServices, [outreachServices.title, outreachServices.day], ([title, day]) => `公益活动《${title}》（${day}）`),
    outreachPartner: namedAuditSubject(outreachPartners, [outreachPartners.name, outreachPartners.sector], ([name, sector]) => `结对群众${name}（${sector}）`),
  },
});
