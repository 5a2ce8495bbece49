import { z } from 'zod';
import type { Wire } from '../http/responses.js';

/** A session's proposal figures; shares are percentages with one decimal, or null with nothing to divide by. */

const share = z.number().nullable();
export const sessionChoice = z.object({ id: z.string(), name: z.string(), year: z.number(), received: z.number() });
export type SessionChoice = Wire<typeof sessionChoice>;

export const outcomes = z.object({
  received: z.number(), filed: z.number(), merged: z.number(), converted: z.number(), notFiled: z.number(), pending: z.number(),
  replied: z.number(), closed: z.number(), filingRate: share, replyRate: share,
});
export type Outcomes = Wire<typeof outcomes>;

export const aspect = z.object({ satisfied: z.number(), basically: z.number(), unsatisfied: z.number(), rated: z.number(), rate: share });
export type Aspect = Wire<typeof aspect>;

export const unitFigures = z.object({
  unitId: z.string(), unit: z.string(), assigned: z.number(), leading: z.number(), assisting: z.number(), overdue: z.number(), replied: z.number(),
  classes: z.record(z.string(), z.number()), replyRate: share, attitudeRate: share, resultRate: share,
});
export type UnitFigures = Wire<typeof unitFigures>;

export const proposalStats = z.object({
  session: sessionChoice.nullable(),
  sessions: z.array(sessionChoice),
  overall: outcomes
    .extend({
      key: z.number(),
      byAuthorType: z.object({ individual: z.number(), joint: z.number(), collective: z.number() }),
      proposers: z.number(), members: z.number(), proposerShare: share, units: z.number(),
    })
    .nullable(),
  satisfaction: z.object({ attitude: aspect, result: aspect }).nullable(),
  answerClasses: z.array(z.object({ code: z.string(), label: z.string(), count: z.number(), share })),
  byCategory: z.array(outcomes.extend({ category: z.string() })),
  byUnit: z.array(unitFigures),
});
export type ProposalStats = Wire<typeof proposalStats>;
