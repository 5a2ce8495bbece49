import { and, inArray } from 'drizzle-orm';
import type { PublicSearchSource } from '../../platform/modules/manifest.js';
import { councilPublicStates } from '../../../shared/consultation/council-labels.js';
import { excerptOf } from '../portal/search.js';
import { consultationCouncils } from './schema.js';

type Row = { id: string; topic: string; result: string | null; status: string };
const isPublic = (status: string) => (councilPublicStates as readonly string[]).includes(status);

/** 基层协商: a council's topic and result in the portal's search, from 公示公开 on (what the portal shows of it). */
export const councilSearch: PublicSearchSource = {
  kind: 'council',
  label: '基层协商',
  source: {
    table: consultationCouncils,
    committeeId: consultationCouncils.committeeId,
    updatedAt: consultationCouncils.updatedAt,
    fields: { id: consultationCouncils.id, topic: consultationCouncils.topic, result: consultationCouncils.result, status: consultationCouncils.status },
    document: (r: Row) => (isPublic(r.status) ? { title: r.topic, body: r.result ?? '', tag: 0 } : null),
    visibility: () => ({ tags: [0], owners: [] }),
  },
  async present(db, ids, words) {
    if (!ids.length) return [];
    const rows = await db.select().from(consultationCouncils).where(and(inArray(consultationCouncils.id, ids), inArray(consultationCouncils.status, [...councilPublicStates])));
    return rows.map((c) => ({
      kind: 'council', id: c.id, title: c.topic, excerpt: excerptOf(c.result ?? '', words), date: c.publishedOn, year: c.publishedOn ? Number(c.publishedOn.slice(0, 4)) : c.year,
      category: null, units: [], sector: null, href: `/portal/councils/${c.id}`,
    }));
  },
};
