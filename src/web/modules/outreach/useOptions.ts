import { outreachPaths } from '@shared/outreach/paths';
import type { OutreachOptions } from '@shared/outreach/responses';
import { useGet } from '../../app/query';

/** What the user may record, for forms and buttons. */
export function useOutreachOptions() {
  return useGet<OutreachOptions>(outreachPaths.options).data;
}
