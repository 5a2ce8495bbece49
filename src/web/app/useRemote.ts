import { useCallback, useEffect, useRef, useState } from 'react';
import { showError } from './errors';

/**
 * Loads data for a page and reloads it on demand or when `deps` change. Failures are shown once
 * and leave the previous data in place.
 *
 * @example const { data, loading, reload } = useRemote(() => api.get<ListOf<Term>>('/org/terms'), []);
 */
export function useRemote<T>(load: () => Promise<T>, deps: unknown[]) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const latest = useRef(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const fetcher = useCallback(load, deps);

  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    setLoading(true);
    try {
      const result = await fetcher();
      if (ticket === latest.current) setData(result);
      return result;
    } catch (err) {
      if (ticket === latest.current) showError(err);
      return undefined;
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }, [fetcher]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, loading, reload, setData };
}
