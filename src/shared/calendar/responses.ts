import { z } from 'zod';
import type { Wire } from '../http/responses.js';

/** What the server answers about the holiday calendar. */

export const calendarDay = z.object({ day: z.string(), name: z.string(), isOffDay: z.boolean() });
export type CalendarDay = Wire<typeof calendarDay>;

/**
 * A year's holidays and make-up days, whether the reader may record a notice ('update'), and who
 * keeps the national calendar (the platform's top committee), named to those who may not.
 */
export const calendarYearAnswer = z.object({ items: z.array(calendarDay), keptBy: z.string(), actions: z.array(z.string()) });
export type CalendarYear = Wire<typeof calendarYearAnswer>;

export const workdayAnswer = z.object({ date: z.string() });
export type WorkdayAnswer = Wire<typeof workdayAnswer>;

/** A notice recorded: the year's days as they now stand, and how many handling deadlines moved with them. */
export const noticeSaved = z.object({ items: z.array(calendarDay), recomputed: z.number() });
export type NoticeSaved = Wire<typeof noticeSaved>;
