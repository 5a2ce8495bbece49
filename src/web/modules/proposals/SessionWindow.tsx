import { Alert } from 'antd';
import dayjs from 'dayjs';
import { orgPaths } from '@shared/org/paths';
import type { SessionList } from '@shared/org/responses';
import { currentSession, proposalKind } from '@shared/proposals/sessions';
import { formatDay } from '../../app/forms';
import { useGet } from '../../app/query';

/**
 * Tells the writer, before they submit, whether this becomes a 大会提案 or a 平时提案 and of which
 * session — by the rule the server applies for good at submission.
 */
export function SessionWindow() {
  const { data } = useGet<SessionList>(orgPaths.sessions);
  if (!data) return null;
  const today = dayjs().format('YYYY-MM-DD');
  const session = currentSession(data.items, today);
  if (!session) return null;
  const kind = proposalKind(session, today);
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
