import { useEffect } from 'react';
import { ApiError } from '../../app/api';
import { showError } from '../../app/errors';
import { useGet } from '../../app/query';

/**
 * One published record of the portal. Not published, withdrawn or never there is one answer, 404,
 * shown as a page of its own (the caller's "未公开或不存在"), not as an error message; any other
 * failure is told as one.
 */
export function usePublished<T>(path: string): { data: T | undefined; loading: boolean } {
  const { data, isPending, error } = useGet<T>(path, undefined, { quiet: true });
  const missing = error instanceof ApiError && error.status === 404;
  useEffect(() => {
    if (error && !missing) showError(error);
  }, [error, missing]);
  return { data, loading: isPending && !error };
}
