/**
 * A record's history (its audit rows as a timeline) obeys the visibility of the fields it
 * describes: a presenter that withholds a text from this reader (a review opinion from a unit, an
 * internal note from a member) passes the withheld texts here, and each entry whose note is, or
 * quotes, one of them is shown without its note. The entry itself (who did what, when) stays.
 *
 * @example history: withheldNotes(rows, mayReadReviews ? [] : reviews.map((r) => r.opinion))
 */
export function withheldNotes<T extends { note: string | null }>(rows: readonly T[], withheld: readonly (string | null | undefined)[]): T[] {
  const hidden = withheld.filter((x): x is string => !!x && x.trim().length > 0);
  if (hidden.length === 0) return [...rows];
  return rows.map((r) => (r.note && hidden.some((h) => r.note!.includes(h) || h.includes(r.note!)) ? { ...r, note: null } : r));
}
