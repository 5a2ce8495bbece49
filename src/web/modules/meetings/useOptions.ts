import { api } from '../../app/api';
import { useRemote } from '../../app/useRemote';
import type { MeetingOptions } from './types';

/** Kinds, scope types, plenary sessions and the meeting rules in force, for forms and filters. */
export function useMeetingOptions() {
  return useRemote(() => api.get<MeetingOptions>('/meetings/options'), []).data;
}
