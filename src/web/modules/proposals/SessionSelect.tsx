import { Select } from 'antd';
import { useSearchParams } from 'react-router';
import { useProposalOptions } from './data';

/**
 * Which session a committee-wide proposal list shows, kept in the address (`?session=<id>|history|all`)
 * so a reload, a shared link or the back button keeps it. Without one the server shows the current
 * session; a link's own year or history filter (the cockpit's `?year=2026&historical=0`) shows as 全部会议.
 */
export function useSessionChoice(onChange?: () => void) {
  const [params, setParams] = useSearchParams();
  const { data: options } = useProposalOptions();
  const asked = params.get('session') ?? undefined;
  const linked = !asked && (params.get('year') || params.get('historical'));
  const value = asked ?? (linked ? 'all' : options?.sessions.find((x) => x.current)?.id);
  const choose = (session: string) => {
    onChange?.();
    setParams((p) => {
      const next = new URLSearchParams(p);
      next.set('session', session);
      return next;
    }, { replace: true });
  };
  return { value, choose, sessions: options?.sessions, query: asked ? { session: asked } : {} };
}

/** The session select: each session (the current one marked 本次), imported history (历届), all. */
export function SessionSelect({ value, choose, sessions }: ReturnType<typeof useSessionChoice>) {
  if (!sessions) return null;
  return (
    <Select
      value={value} onChange={choose} style={{ width: 170 }} aria-label="会议" data-testid="proposal-session"
      options={[
        ...sessions.map((x) => ({ value: x.id, label: x.current ? `${x.name}（本次）` : x.name })),
        { value: 'history', label: '历届提案（导入）' },
        { value: 'all', label: '全部' },
      ]}
    />
  );
}
