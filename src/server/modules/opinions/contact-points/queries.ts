import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { allowedActions, authorize, can, committeeSubject } from '../../../platform/policy/policy.js';
import { labelOf } from '../../../../shared/labels.js';
import { contactPointKinds, type ContactPointList, type ContactPointView } from '../../../../shared/opinions/contact-points.js';
import { opinionCollectionPolicy } from '../policy.js';
import { opinionContactPoints, opinions } from '../schema.js';
import { contactPointCollectionPolicy, contactPointPolicy, type ContactPoint } from './policy.js';

/**
 * SQL: the reports that count for a contact point — the committee's of the year, submitted and not
 * withdrawn — the same rows as `/opinions/queue?scope=all&year=…&contactPointId=…`.
 */
export const countedReports = (committeeId: string, year: number) =>
  and(eq(opinions.committeeId, committeeId), eq(opinions.year, year), sql`${opinions.status} not in ('draft', 'withdrawn')`, sql`${opinions.contactPointId} is not null`)!;

/** Per contact point: the year's reports through it and how many were adopted into an issue. */
export async function contactPointCounts(db: Executor, committeeId: string, year: number) {
  const rows = await db
    .select({ id: opinions.contactPointId, reports: sql<number>`count(*)::int`, adopted: sql<number>`count(*) filter (where ${opinions.status} = 'adopted')::int` })
    .from(opinions).where(countedReports(committeeId, year)).groupBy(opinions.contactPointId);
  return new Map(rows.map((r) => [r.id!, { reports: r.reports, adopted: r.adopted }]));
}

/** A point for its reader: liaisons' phones for the information office only; the figures for who reads the statistics. */
export function presentContactPoint(actor: Actor, p: ContactPoint, counts?: { reports: number; adopted: number }): ContactPointView {
  const phones = can(contactPointPolicy, 'phones', actor, p);
  return {
    id: p.id, version: p.version, name: p.name, kind: p.kind, kindLabel: labelOf(contactPointKinds, p.kind), place: p.place, note: p.note, active: p.active,
    liaisons: p.liaisons.map((l) => ({ memberId: l.memberId, name: l.name, phone: phones ? l.phone : null })),
    reports: counts?.reports ?? 0, adopted: counts?.adopted ?? 0,
    actions: allowedActions(contactPointPolicy, actor, p).filter((a) => a === 'update'),
  };
}

/**
 * The committee's contact points the reader may see, in name order; with the year's figures for
 * the information office and leaders (the totals are the sums of the points').
 */
export async function listContactPoints(db: Executor, actor: Actor, year: number): Promise<ContactPointList> {
  authorize(contactPointCollectionPolicy, 'read', actor, committeeSubject(actor));
  const rows = (await db.select().from(opinionContactPoints).where(eq(opinionContactPoints.committeeId, actor.committeeId)).orderBy(asc(opinionContactPoints.name)))
    .filter((p) => can(contactPointPolicy, 'read', actor, p));
  const stats = can(opinionCollectionPolicy, 'stats', actor, committeeSubject(actor));
  const counts = stats ? await contactPointCounts(db, actor.committeeId, year) : new Map();
  const items = rows.map((p) => presentContactPoint(actor, p, counts.get(p.id)));
  return {
    year, items, reports: items.reduce((s, p) => s + p.reports, 0), adopted: items.reduce((s, p) => s + p.adopted, 0),
    actions: allowedActions(contactPointCollectionPolicy, actor, committeeSubject(actor)).filter((a) => a === 'create'),
  };
}

/** Names of contact points by id (a report's page names the one it came through). */
export async function contactPointNames(db: Executor, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (!wanted.length) return new Map<string, string>();
  const rows = await db.select({ id: opinionContactPoints.id, name: opinionContactPoints.name }).from(opinionContactPoints).where(inArray(opinionContactPoints.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}
