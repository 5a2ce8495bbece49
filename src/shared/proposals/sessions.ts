/**
 * Which plenary session a proposal written today goes to, and whether it is a 大会提案: one rule,
 * used by the server when a proposal is submitted (for good) and by the web to tell the writer first.
 */

/** The dates of a plenary session the rule reads (dates as 'YYYY-MM-DD'). */
export interface SessionDates {
  startDate: string;
  endDate: string;
  proposalOpensOn: string | null;
  proposalClosesOn: string | null;
}

/** The session a proposal written `today` belongs to: the first whose proposal window has not closed yet, else the latest. */
export function currentSession<S extends SessionDates>(sessions: S[], today: string): S | null {
  const sorted = [...sessions].sort((a, b) => a.startDate.localeCompare(b.startDate));
  return sorted.find((s) => (s.proposalClosesOn ?? s.endDate) >= today) ?? sorted.at(-1) ?? null;
}

/** 大会提案 when submitted inside the session's window, otherwise 平时提案. */
export function proposalKind(session: SessionDates | null, today: string): 'session' | 'ordinary' {
  if (!session?.proposalOpensOn || !session.proposalClosesOn) return 'ordinary';
  return today >= session.proposalOpensOn && today <= session.proposalClosesOn ? 'session' : 'ordinary';
}
