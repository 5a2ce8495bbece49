import { Alert } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../app/api';
import { formatDay } from '../../app/forms';
import { useRemote } from '../../app/useRemote';
import type { ListOf } from '../../app/types';
import type { PlenarySession } from '../org/types';

/**
 * The session a proposal written today goes to and whether it counts as 大会提案 — the same rule as
 * the server's sessionFor/proposalKind (src/server/modules/proposals/sessions.ts), which decides for
 * good at submission.
 */
export function sessionWindow(sessions: PlenarySession[], today: string) {
  const sorted = [...sessions].sort((a, b) => a.startDate.localeCompare(b.startDate));
  const session = sorted.find((s) => (s.proposalClosesOn ?? s.endDate) >= today) ?? sorted.at(-1) ?? null;
  const open = !!session?.proposalOpensOn && !!session.proposalClosesOn && today >= session.proposalOpensOn && today <= session.proposalClosesOn;
  return { session, kind: open ? ('session' as const) : ('ordinary' as const) };
}

/** Tells the writer, before they submit, whether this becomes a 大会提案 or a 平时提案 and of which session. */
export function SessionWindow() {
  const { data } = useRemote(() => api.get<ListOf<PlenarySession>>('/org/sessions'), []);
  if (!data) return null;
  const { session, kind } = sessionWindow(data.items, dayjs().format('YYYY-MM-DD'));
  if (!session) return null;
  const window = session.proposalOpensOn && session.proposalClosesOn ? `${formatDay(session.proposalOpensOn)} 至 ${formatDay(session.proposalClosesOn)}` : null;
  return kind === 'session' ? (
    <Alert type="success" showIcon data-testid="session-window" title={`现为${session.name}提案征集期（${window}），现在提交的为大会提案`} />
  ) : (
    <Alert
      type="info"
      showIcon
      data-testid="session-window"
      title={`现在不在大会提案征集期，提交的为平时提案（归入${session.name}）${window && session.proposalOpensOn! > dayjs().format('YYYY-MM-DD') ? `；大会提案征集期为 ${window}` : ''}`}
    />
  );
}
