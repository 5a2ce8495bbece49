/** GET /api/proposals/stats — one plenary session's proposal figures (server: modules/proposals/stats/report.ts). */

export interface SessionChoice {
  id: string;
  name: string;
  year: number;
  received: number;
}

/** Shares are percentages with one decimal, or null when there is nothing to divide by. */
export interface Outcomes {
  received: number;
  filed: number;
  merged: number;
  converted: number;
  notFiled: number;
  pending: number;
  replied: number;
  closed: number;
  filingRate: number | null;
  replyRate: number | null;
}

export interface Aspect {
  satisfied: number;
  basically: number;
  unsatisfied: number;
  rated: number;
  rate: number | null;
}

export interface UnitFigures {
  unitId: string;
  unit: string;
  assigned: number;
  leading: number;
  assisting: number;
  overdue: number;
  replied: number;
  classes: Record<string, number>;
  replyRate: number | null;
  attitudeRate: number | null;
  resultRate: number | null;
}

export interface ProposalStats {
  session: SessionChoice | null;
  sessions: SessionChoice[];
  overall:
    | (Outcomes & {
        key: number;
        byAuthorType: { individual: number; joint: number; collective: number };
        proposers: number;
        members: number;
        proposerShare: number | null;
        units: number;
      })
    | null;
  satisfaction: { attitude: Aspect; result: Aspect } | null;
  answerClasses: { code: string; label: string; count: number; share: number | null }[];
  byCategory: (Outcomes & { category: string })[];
  byUnit: UnitFigures[];
}

/** 12.3% or — when there was nothing to count. */
export const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v}%`);
