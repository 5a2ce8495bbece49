import { opinionPaths } from '@shared/opinions/paths';
import type { Issue, OpinionOptions } from '@shared/opinions/responses';
import { useGet } from '../../app/query';

/** The committee's limits and lists for report forms (字数上限、类别). */
export function useOpinionOptions() {
  return useGet<OpinionOptions>(opinionPaths.options).data;
}

/** Issues still being composed, for "adopt into an issue". */
export function useDraftIssues(enabled: boolean) {
  const { data } = useGet<{ items: Issue[] }>(opinionPaths.issues, undefined, { enabled });
  return { issues: (data?.items ?? []).filter((i) => i.status === 'draft') };
}
