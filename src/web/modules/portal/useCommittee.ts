import { useSearchParams } from 'react-router';
import { portalPaths } from '@shared/portal/paths';
import type { PortalCommittees } from '@shared/portal/responses';
import { useGet } from '../../app/query';

/**
 * The committee a portal page is about: the one in the address (?c=…), else the one that has
 * published the most (as the portal's home page chooses).
 */
export function usePortalCommittee() {
  const [params] = useSearchParams();
  const { data } = useGet<PortalCommittees>(portalPaths.committees);
  const id = params.get('c') ?? [...(data?.items ?? [])].sort((a, b) => b.published - a.published)[0]?.id;
  return { id, committee: data?.items.find((c) => c.id === id), committees: data?.items };
}
