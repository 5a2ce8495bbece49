import { Alert, Empty, Flex, Skeleton, Typography } from 'antd';
import { evaluationPaths } from '@shared/evaluation/paths';
import type { PublicQuestionnaire } from '@shared/evaluation/responses';
import { pathTo } from '@shared/http/paths';
import { useGet } from '../../../app/query';
import { PageCard } from '../../../app/ui/PageCard';
import { useDocumentTitle } from '../../../app/ui/PageTitle';
import { usePortalCommittee } from '../../portal/useCommittee';
import { PublicBallots } from './PublicBallots';

/**
 * 民主评议·公众评议: the departments under evaluation, where the committee opened the questionnaire
 * to the public (调查走访 dates). No account; one ballot per department on this device; the public's
 * answers are counted apart from the members' and weigh less — the page says so plainly.
 */
export default function PortalEvaluationPage() {
  useDocumentTitle('民主评议公众问卷', '政协公开门户');
  const { id: committeeId } = usePortalCommittee();
  const { data, isPending } = useGet<{ items: PublicQuestionnaire[] }>(`${evaluationPaths.portalQuestionnaires}?committeeId=${committeeId ?? ''}`, undefined, { enabled: !!committeeId });
  return (
    <PageCard title="民主评议公众问卷">
      <Flex vertical gap={12}>
        <Alert
          type="info"
          showIcon
          message="请如实评价，您的意见将单独统计"
          description="公众问卷无需登录、无记名，系统只统计票数，不保存任何人的选择。社会公众的意见与政协委员、特邀群众代表的意见分别统计，按政协规定的权重计入各部门的综合得分。每台设备对每个部门只能提交一次。"
        />
        {isPending && committeeId && <Skeleton active />}
        {data && data.items.length === 0 && <Empty description="目前没有向社会公众开放的民主评议问卷" />}
        {data?.items.map((q) => (
          <Flex key={q.id} vertical gap={8} data-testid="public-questionnaire">
            <Typography.Title level={2} style={{ fontSize: 17, margin: 0, whiteSpace: 'normal' }}>{q.title}</Typography.Title>
            <PublicBallots q={q} url={pathTo(evaluationPaths.portalResponses, { id: q.id })} />
          </Flex>
        ))}
      </Flex>
    </PageCard>
  );
}
