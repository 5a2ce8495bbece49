import type { ReactNode } from 'react';
import { QueryCache, QueryClient, QueryClientProvider, keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { queryString } from '@shared/http/paths';
import { api, onWrite } from './api';
import { showError } from './errors';

/**
 * Reads go through TanStack Query: one cache for the app, keyed by the API path and its query, so
 * two components asking for the same thing share one request, and an answer always belongs to the
 * key it was asked for (a slow answer to an old search never replaces the answer to the new one).
 * Every successful write marks the whole cache stale, so whatever is on screen refetches.
 */
export const queryClient = new QueryClient({
  queryCache: new QueryCache({
    // failures are shown once, as the pages did before; `meta.quiet` queries handle their own
    onError: (err, q) => {
      if (!q.meta?.quiet) showError(err);
    },
  }),
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 0 } },
});
onWrite(() => void queryClient.invalidateQueries());

export function DataProvider({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}

type Params = Record<string, string | number | boolean | null | undefined>;

/**
 * The cache key of a GET: the path's segments, then its query. `['api','proposals','<id>']` sits
 * under `['api','proposals']`, so a module's reads can be refetched together.
 */
export const keyOf = (path: string, params?: Params) => [...path.split('/').filter(Boolean), ...(params ? [params] : [])];

interface GetOptions {
  /** false: not now (e.g. no id yet, or not allowed) */
  enabled?: boolean;
  /** the caller shows failures itself */
  quiet?: boolean;
  /** keep showing the previous answer while the next key loads (searches, paging) */
  keepPrevious?: boolean;
  /** refetch every this many milliseconds while mounted (an unread count) */
  every?: number;
}

/**
 * Reads `path` (from a shared route table, filled with `pathTo`) with `params` as its query.
 *
 * @example const { data: p, isPending } = useGet<ProposalDetail>(pathTo(proposalPaths.detail, { id }));
 */
export function useGet<T>(path: string, params?: Params, { enabled = true, quiet = false, keepPrevious = false, every }: GetOptions = {}) {
  const clean = params && Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  return useQuery({
    queryKey: keyOf(path, clean),
    queryFn: ({ signal }) => api.get<T>(`${path}${queryString(clean ?? {})}`, signal),
    enabled,
    meta: { quiet },
    placeholderData: keepPrevious ? keepPreviousData : undefined,
    refetchInterval: every,
  });
}

/**
 * Reads several paths at once (one cached query each), for a page that needs a few lists together.
 * Resolves to the answers in the order of `paths`, or undefined until all have arrived.
 *
 * @example const lists = useGetAll<CatalogList>(kinds.map((kind) => pathTo(orgPaths.catalog, { kind })));
 */
export function useGetAll<T>(paths: string[], { enabled = true }: Pick<GetOptions, 'enabled'> = {}): T[] | undefined {
  return useQueries({
    queries: paths.map((path) => ({ queryKey: keyOf(path), queryFn: ({ signal }: { signal: AbortSignal }) => api.get<T>(path, signal), enabled })),
    combine: (results) => (results.every((r) => r.data !== undefined) ? results.map((r) => r.data as T) : undefined),
  });
}

/** Refetches every read whose key starts with `path`'s segments (after a change the server made on its own). */
export const refetch = (path: string) => queryClient.invalidateQueries({ queryKey: keyOf(path) });

/** Shows a write's answer at once (the record the server returned) while the refetch runs. */
export const showAnswer = <T,>(path: string, data: T) => queryClient.setQueryData(keyOf(path), data);
