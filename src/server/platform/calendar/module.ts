import { defineModule } from '../modules/manifest.js';
import { calendarRoutes } from './routes.js';
import { loadCalendar } from './store.js';
import { addWorkdays } from './workdays.js';

/** 工作日历: the official holiday notices per year, and working-day arithmetic. */
export const calendarModule = defineModule({
  name: 'calendar',
  label: '工作日历',
  routes: [calendarRoutes],
  cli: {
    'workdays-add': {
      usage: 'workdays-add <YYYY-MM-DD> <n> — 输出 n 个工作日后的日期',
      async run(db, [from, n]) {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(from ?? '') || !/^-?\d+$/.test(n ?? '')) {
          console.error('用法：workdays-add <YYYY-MM-DD> <n>');
          return 2;
        }
        console.log(addWorkdays(await loadCalendar(db.db), from, Number(n)));
      },
    },
  },
});
