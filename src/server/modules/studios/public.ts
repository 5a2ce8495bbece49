import { and, asc, count, desc, eq, inArray, isNotNull, ne, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { activities } from '../../platform/activity/schema.js';
import { chinaToday } from '../../platform/calendar/workdays.js';
import { members } from '../members/schema.js';
import { sectors, studios } from '../org/schema.js';
import { livelihoodRequests } from '../requests/schema.js';
import { catalogs } from '../../../shared/org/labels.js';
import type { Presented } from '../../../shared/http/responses.js';
import type { portalStudio as portalStudioAnswer, portalStudioList } from '../../../shared/studios/responses.js';
import { studioProfiles, studioQuestions } from './schema.js';

type Studio = typeof studios.$inferSelect;
/** A studio's kind in Chinese (区域, 界别, 党派). */
export const kindLabel = (kind: string | null) => (kind ? ((catalogs.studios.kinds as Record<string, string>)[kind] ?? kind) : '');
/** Serving members only: a resigned member no longer stands for the studio. */
const serving = (studioIds: string[]) => and(inArray(members.studioId, studioIds), eq(members.status, 'active'));
const published = and(eq(studioQuestions.status, 'answered'), isNotNull(studioQuestions.publishedAt));

/** A committee's open studios with their public profile and members count, in the catalog's order. */
export const openStudios = (db: Executor, committeeId: string) => studiosWithProfile(db, and(eq(studios.committeeId, committeeId), eq(studios.active, true))!);

/** One studio of the committee with its profile and members count, open or not (the profile just saved), or undefined. */
export const studioWithProfile = async (db: Executor, committeeId: string, id: string) =>
  (await studiosWithProfile(db, and(eq(studios.committeeId, committeeId), eq(studios.id, id))!))[0];

async function studiosWithProfile(db: Executor, where: SQL) {
  const rows = await db
    .select({ studio: studios, profile: studioProfiles })
    .from(studios)
    .leftJoin(studioProfiles, eq(studioProfiles.studioId, studios.id))
    .where(where)
    .orderBy(asc(studios.sortOrder), asc(studios.name));
  const ids = rows.map((r) => r.studio.id);
  const counts = ids.length ? await db.select({ studioId: members.studioId, n: count() }).from(members).where(serving(ids)).groupBy(members.studioId) : [];
  return rows.map(({ studio, profile }) => ({ studio, profile, memberCount: counts.find((c) => c.studioId === studio.id)?.n ?? 0 }));
}

const row = (s: Studio, profile: typeof studioProfiles.$inferSelect | null, memberCount: number) => ({
  id: s.id, name: s.name, kindLabel: kindLabel(s.kind), place: profile?.place ?? '', openingHours: profile?.openingHours ?? '', memberCount,
});

/** The portal's list of studios: what kind, where, when open, how many members — no contact person or phone. */
export async function portalStudios(db: Executor, committee: { id: string; name: string }): Promise<Presented<typeof portalStudioList>> {
  return { committee, items: (await openStudios(db, committee.id)).map((r) => row(r.studio, r.profile, r.memberCount)) };
}

/**
 * One studio's public page: its members by name and sector, the events it was invited to (title,
 * day, place), what it has done (requests routed to it and finished, questions answered), and the
 * questions answered and published — never a phone, an asker or a person's id.
 */
export async function portalStudio(db: Executor, s: Studio, committee: { id: string; name: string }): Promise<Presented<typeof portalStudioAnswer>> {
  const [[profile], people, events, [requests], questions] = await Promise.all([
    db.select().from(studioProfiles).where(eq(studioProfiles.studioId, s.id)),
    db.select({ name: members.name, sector: sectors.name }).from(members).leftJoin(sectors, eq(sectors.id, members.sectorId)).where(serving([s.id])).orderBy(asc(members.name)),
    db
      .select({ title: activities.title, startsAt: activities.startsAt, place: activities.location })
      .from(activities)
      .where(and(eq(activities.committeeId, s.committeeId), ne(activities.status, 'cancelled'), sql`${activities.invitationScopes} @> ${JSON.stringify([{ type: 'studio', id: s.id }])}::jsonb`))
      .orderBy(desc(activities.startsAt))
      .limit(20),
    db
      .select({ routed: count(), done: sql<number>`count(*) filter (where ${livelihoodRequests.status} = 'done')`.mapWith(Number) })
      .from(livelihoodRequests)
      .where(eq(livelihoodRequests.studioId, s.id)),
    db.select().from(studioQuestions).where(and(eq(studioQuestions.studioId, s.id), published)).orderBy(desc(studioQuestions.publishedAt)),
  ]);
  return {
    ...row(s, profile ?? null, people.length),
    committee,
    introduction: profile?.introduction ?? '',
    members: people,
    activities: events.map((e) => ({ title: e.title, date: chinaToday(e.startsAt), place: e.place })),
    record: { requestsRouted: requests?.routed ?? 0, requestsDone: requests?.done ?? 0, questionsAnswered: questions.length },
    questions: questions.map((q) => ({ body: q.body, answer: q.answer ?? '', answeredBy: q.answeredByName, askedOn: q.askedOn, answeredOn: q.answeredOn })),
  };
}
