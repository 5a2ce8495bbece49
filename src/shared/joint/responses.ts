import { z } from 'zod';
import { instant, type Wire } from '../http/responses.js';
import { meetingSummary } from '../meetings/responses.js';

/** What the server answers about 上下联动, as zod schemas; the web uses the inferred wire types (dates as ISO strings). */

/** A joint event is an activity: its row is a meeting's, with the joint workflow's own states. */
export const jointSummary = meetingSummary
  .pick({ id: true, version: true, kind: true, kindLabel: true, title: true, year: true, startsAt: true, endsAt: true, location: true, statusLabel: true, actions: true })
  .extend({ status: z.string() });
export type JointSummary = Wire<typeof jointSummary>;

export const jointList = z.object({
  items: z.array(jointSummary.extend({ districts: z.number(), invited: z.number(), checkedIn: z.number() })),
  canCreate: z.boolean(),
});
export type JointList = Wire<typeof jointList>;

export const jointParticipant = z.object({
  memberId: z.string(),
  name: z.string(),
  version: z.number(),
  reply: z.string(),
  replyLabel: z.string(),
  checkedInAt: instant.nullable(),
  outcome: z.string().nullable(),
  outcomeLabel: z.string().nullable(),
});
export type JointParticipant = Wire<typeof jointParticipant>;

export const jointDetail = jointSummary.extend({
  agenda: z.string(),
  closedAt: instant.nullable(),
  participation: z.string(),
  participationLabel: z.string(),
  /** status: scheduled | closed | cancelled (the district's own event); actions: cancelPart | reopenPart */
  districts: z.array(
    z.object({
      committeeId: z.string(),
      name: z.string(),
      status: z.string(),
      statusLabel: z.string(),
      actions: z.array(z.string()),
      invited: z.number(),
      checkedIn: z.number(),
      participants: z.array(jointParticipant),
    }),
  ),
});
export type JointDetail = Wire<typeof jointDetail>;

const choice = z.object({ value: z.string(), label: z.string() });
export const jointDistricts = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string() })),
  kinds: z.array(choice),
  participations: z.array(choice),
  /** the organiser's settings' default for a new joint event */
  participation: z.string(),
});
export type JointDistricts = Wire<typeof jointDistricts>;

const district = z.object({ id: z.string(), name: z.string() });
export const districtMembers = z.object({
  district,
  items: z.array(z.object({ id: z.string(), name: z.string(), code: z.string(), sector: z.string().nullable() })),
});
export type DistrictMembers = Wire<typeof districtMembers>;

export const districtFigure = z.object({
  key: z.string(),
  label: z.string(),
  value: z.number(),
  unit: z.string(),
  parts: z.array(z.object({ key: z.string(), label: z.string(), value: z.number() })).optional(),
});
export type DistrictFigure = Wire<typeof districtFigure>;

export const districtTotals = z.object({
  year: z.number(),
  districts: z.array(z.object({ committeeId: z.string(), name: z.string(), figures: z.array(districtFigure) })),
  total: z.object({ name: z.string(), figures: z.array(districtFigure) }).nullable(),
});
export type DistrictTotalsAnswer = Wire<typeof districtTotals>;

export const sentUp = z.object({
  district,
  total: z.number(),
  byStatus: z.array(z.object({ key: z.string(), label: z.string(), value: z.number() })),
  items: z.array(z.object({ id: z.string(), title: z.string(), year: z.number(), sentOn: z.string(), status: z.string(), statusLabel: z.string(), link: z.string() })),
});
export type SentUpAnswer = Wire<typeof sentUp>;
