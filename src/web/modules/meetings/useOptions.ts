import { meetingPaths } from '@shared/meetings/paths';
import type { MeetingOptions } from '@shared/meetings/responses';
import { useGet } from '../../app/query';

/** Kinds, scope types, plenary sessions and the meeting rules in force, for forms and filters. */
export function useMeetingOptions() {
  return useGet<MeetingOptions>(meetingPaths.options).data;
}
