/** The routes of 委员之家: the rota, the duty of the day, visits and the suggestions they brought. */
export const homePaths = {
  options: '/api/members-home/options',
  duties: '/api/members-home/duties',
  duty: '/api/members-home/duties/:id',
  dutyCancel: '/api/members-home/duties/:id/cancel',
  dutyVisits: '/api/members-home/duties/:id/visits',
  today: '/api/members-home/today',
  visits: '/api/members-home/visits',
  suggestionConvert: '/api/members-home/suggestions/:id/convert',
} as const;
