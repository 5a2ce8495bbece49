import { useCallback, useEffect, useState } from 'react';
import { portalPaths } from '@shared/portal/paths';
import type { Challenge } from '@shared/requests/responses';
import { api } from '../../app/api';

/**
 * The server's arithmetic question (算术验证题) for a public form. Each question can be answered
 * once, so it is asked again whenever `round` changes (after every send) and on `next()` (换一题).
 */
export function useChallenge(committeeId: string | undefined, round: number) {
  const [challenge, setChallenge] = useState<Challenge | null>(null);
  const next = useCallback(async () => {
    if (!committeeId) return null;
    const c = await api.get<Challenge>(`${portalPaths.challenge}?committeeId=${encodeURIComponent(committeeId)}`).catch(() => null);
    setChallenge(c);
    return c;
  }, [committeeId]);
  useEffect(() => {
    void next();
  }, [next, round]);
  return { challenge, next };
}
