/** 工作日历: the official holiday calendar every working-day deadline follows. */
export const calendarPaths = {
  year: '/api/calendar',
  addWorkdays: '/api/calendar/add-workdays',
  notice: '/api/calendar/notice',
} as const;
