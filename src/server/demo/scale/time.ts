/** Day arithmetic on China dates (YYYY-MM-DD) and moments in office hours, for generated records. */
export const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * A moment on `day` between 08:30 and 18:00 China time — never later than now: a step planned for
 * later today or a day ahead (a review a few days after a recent submission) happened just now. A
 * record stamped in the future reads as written later than it was (the similarity index's watermark
 * waited for 78 such proposals of the province dataset).
 */
export function atTime(day: string, r: () => number): Date {
  const minutes = 8 * 60 + 30 + Math.floor(r() * 570);
  return notAfterNow(new Date(Date.parse(`${day}T00:00:00+08:00`) + minutes * 60_000));
}

/** The moment, or now if it is later (see atTime). */
export const notAfterNow = (moment: Date) => (moment.getTime() > Date.now() ? new Date() : moment);

/** The China date of a moment. */
export const dayOf = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** An audit row before chaining: the chain is computed per committee once its events are sorted by time. */
export interface AuditEvent {
  at: Date;
  actorId: string | null;
  actorName: string;
  action: string;
  subjectType: string;
  subjectId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  note: string | null;
}
