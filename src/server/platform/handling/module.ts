import { defineModule } from '../modules/manifest.js';
import { handlingCards } from './cards.js';
import { remindDueReplies } from './reminders.js';
import { handlingRoutes } from './routes.js';

/** 办理: what units and the overseeing office do with an assignment, for every handled type (each module names its ports). */
export const handlingModule = defineModule({
  name: 'handling',
  label: '交办办理',
  routes: [handlingRoutes],
  cards: [handlingCards],
  jobs: () => [{ name: 'handling.remind-due-replies', everySeconds: 3600, run: (db, now) => remindDueReplies(db, now) }],
});
