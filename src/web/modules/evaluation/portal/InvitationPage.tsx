import { Alert, Flex, Skeleton, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { evaluationPaths } from '@shared/evaluation/paths';
import type { PublicQuestionnaire } from '@shared/evaluation/responses';
import { pathTo } from '@shared/http/paths';
import { useGet } from '../../../app/query';
import { PageCard } from '../../../app/ui/PageCard';
import { useDocumentTitle } from '../../../app/ui/PageTitle';
import { PortalOutcome } from '../../portal/PortalOutcome';
import { PublicBallots } from './PublicBallots';

/**
 * 特邀群众代表's questionnaire, opened from their personal link on a phone, without an account:
 * the campaign's departments, one secret ballot each. An unknown or revoked link says so.
 */
export default function InvitationPage() {
  const { token = '' } = useParams();
  useDocumentTitle('民主评议问卷（特邀群众代表）', '政协公开门户');
  const { data: q, isPending, error } = useGet<PublicQuestionnaire>(pathTo(evaluationPaths.invitation, { token }), undefined, { quiet: true });
  if (isPending) return <Skeleton active />;
  if (!q) return <PortalOutcome kind="missing" title="评议链接无效或已收回" subTitle={error instanceof Error ? error.message : '请向政协办公室索取新的链接'} extra={<Link to="/portal">返回门户首页</Link>} />;
  return (
    <PageCard title="民主评议问卷">
      <Flex vertical gap={10}>
        <Typography.Title level={2} style={{ fontSize: 17, margin: 0, whiteSpace: 'normal' }}>{q.title}</Typography.Title>
        <Typography.Paragraph style={{ margin: 0 }}>
          感谢您作为特邀群众代表参加{q.committeeName ?? '政协'}的民主评议。请对每个部门的各项指标作出评价；评议无记名，系统只统计票数，不保存您的选择，每个部门只能提交一次。您的意见与委员、社会公众的意见分别统计，按规定权重计入综合得分。
        </Typography.Paragraph>
        {!q.open && <Alert type="info" showIcon message="问卷不在填写期间（调查走访阶段开放）。" />}
        <PublicBallots q={q} url={pathTo(evaluationPaths.invitationResponses, { token })} />
      </Flex>
    </PageCard>
  );
}
