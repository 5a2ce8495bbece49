import { api } from '../../app/api';
import { useRemote } from '../../app/useRemote';
import type { Issue, OpinionOptions } from './types';

/** The committee's limits and lists for report forms (字数上限、类别). */
export function useOpinionOptions() {
  return useRemote(() => api.get<OpinionOptions>('/opinions/options'), []).data;
}

/** Issues still being composed, for "adopt into an issue". */
export function useDraftIssues(enabled: boolean) {
  const { data, reload } = useRemote(async () => (enabled ? (await api.get<{ items: Issue[] }>('/opinions/issues')).items.filter((i) => i.status === 'draft') : []), [enabled]);
  return { issues: data ?? [], reload };
}
