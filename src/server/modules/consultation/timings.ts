import { addWorkdays, type WorkCalendar } from '../../platform/calendar/workdays.js';
import type { ConsultationSettings } from './settings.js';

/** The three time limits of a consultation meeting (RULES.md: notice 15 working days ahead, materials 10, minutes within 7). */
export const timingLabels = { notice: '会前通知', materials: '会前送达材料', minutes: '会后印发纪要' } as const;
export type TimingKey = keyof typeof timingLabels;
export const timingStates = { pending: '未到期', done: '按时完成', late: '逾期完成', overdue: '已逾期' } as const;
export type TimingState = keyof typeof timingStates;

export interface Timing {
  key: TimingKey;
  label: string;
  /** the last day it may be done on time */
  due: string;
  /** the day it was done, or null */
  doneOn: string | null;
  state: TimingState;
  stateLabel: string;
}

/** What the time limits are reckoned from, all China dates (YYYY-MM-DD). */
export interface TimingFacts {
  year: number;
  month: number;
  /** the day the meeting starts, once it is scheduled */
  startDay: string | null;
  /** the day the event was scheduled: the invitations (the notice) went out then */
  noticedOn: string | null;
  /** the day the first material reached the participants */
  materialsOn: string | null;
  /** the day the minutes were recorded (with the meeting marked held) */
  minutesOn: string | null;
}

type Rules = Pick<ConsultationSettings, 'noticeWorkdays' | 'materialsWorkdays' | 'minutesWorkdays'>;

/**
 * Each limit with its due day and state. Before the meeting is scheduled only the notice has a
 * limit, reckoned from the first day of the planned month (a meeting later in the month leaves more
 * time); the materials and minutes limits follow the scheduled day.
 */
export function consultationTimings(f: TimingFacts, rules: Rules, calendar: WorkCalendar, today: string): Timing[] {
  const monthStart = `${f.year}-${String(f.month).padStart(2, '0')}-01`;
  const limits: [TimingKey, string, string | null][] = [['notice', addWorkdays(calendar, f.startDay ?? monthStart, -rules.noticeWorkdays), f.noticedOn]];
  if (f.startDay) {
    limits.push(['materials', addWorkdays(calendar, f.startDay, -rules.materialsWorkdays), f.materialsOn]);
    limits.push(['minutes', addWorkdays(calendar, f.startDay, rules.minutesWorkdays), f.minutesOn]);
  }
  return limits.map(([key, due, doneOn]) => {
    const state: TimingState = doneOn ? (doneOn <= due ? 'done' : 'late') : today > due ? 'overdue' : 'pending';
    return { key, label: timingLabels[key], due, doneOn, state, stateLabel: timingStates[state] };
  });
}
