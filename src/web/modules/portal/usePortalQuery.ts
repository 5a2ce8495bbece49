import { useSearchParams } from 'react-router';
import { usePortalCommittee } from './useCommittee';

/**
 * A portal list's address (?c=…&page=…&…, so a search can be shared as a link): the committee it is
 * about (`usePortalCommittee`), the page, any other key, and `change(patch)`, which sets or clears
 * keys and goes back to the first page.
 */
export function usePortalQuery() {
  const [params, setParams] = useSearchParams();
  const { id: committeeId, committees } = usePortalCommittee();
  const change = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries({ page: undefined, ...patch })) (v ? next.set(k, v) : next.delete(k));
    setParams(next);
  };
  const get = (key: string) => params.get(key) ?? undefined;
  return { committeeId, committees, page: Number(params.get('page') ?? 1), get, change };
}
