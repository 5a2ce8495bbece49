import { Alert } from 'antd';
import { Link } from 'react-router';
import { pathTo } from '@shared/http/paths';
import { keyPaths } from '@shared/proposals/key';
import { useGet } from '../../../app/query';

/** On a meeting's page: the key proposal this 调度 meeting or inspection was held for, when the viewer may read it. */
export function MeetingKeyLink({ activityId }: { activityId: string }) {
  const { data } = useGet<{ proposal: { id: string; title: string; numberText: string | null } | null }>(pathTo(keyPaths.ofActivity, { id: activityId }), undefined, { quiet: true });
  if (!data?.proposal) return null;
  return <Alert type="info" showIcon data-testid="meeting-key-proposal" title={<>重点提案调度：<Link to={`/proposals/${data.proposal.id}`}>《{data.proposal.title}》</Link></>} />;
}
