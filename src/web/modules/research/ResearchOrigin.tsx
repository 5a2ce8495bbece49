import { Alert } from 'antd';
import { Link } from 'react-router';
import { researchPaths } from '@shared/research/paths';
import type { Origin } from '@shared/research/responses';
import { useGet } from '../../app/query';

/** On a proposal's, 社情民意 report's or plenary speech's page: the research report it was converted from, when there is one. */
export function ResearchOrigin({ type, id }: { type: 'proposal' | 'opinion' | 'speech'; id: string }) {
  const { data } = useGet<Origin>(researchPaths.origin, { type, id }, { quiet: true });
  if (!data?.topicId) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="research-origin"
      title={<>由调研报告转化：<Link to={`/research/topics/${data.topicId}`}>《{data.reportTitle}》</Link></>}
    />
  );
}
