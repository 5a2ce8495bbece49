import { api } from '../../app/api';
import { useRemote } from '../../app/useRemote';
import type { OutreachOptions } from './types';

/** Contact ways, status names and what the user may record, for forms and buttons. */
export function useOutreachOptions() {
  return useRemote(() => api.get<OutreachOptions>('/outreach/options'), []).data;
}
