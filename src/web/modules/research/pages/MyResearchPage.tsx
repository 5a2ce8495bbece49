import { Button, Flex } from 'antd';
import { pathTo } from '@shared/http/paths';
import { researchPaths } from '@shared/research/paths';
import type { Mine } from '@shared/research/responses';
import { api } from '../../../app/api';
import { run } from '../../../app/errors';
import { can } from '../../../app/forms';
import { useGet } from '../../../app/query';
import { PageCard } from '../../../app/ui/PageCard';
import { TopicCards } from '../TopicCards';

/**
 * 我的调研: the groups the member volunteered for or serves on (with the items of their reports
 * that departments have let run past the deadline — "谁调研、谁跟踪"), and the topics still open to volunteer for.
 */
export default function MyResearchPage() {
  const { data, isFetching } = useGet<Mine>(researchPaths.mine);
  const join = (id: string) => run(() => api.post(pathTo(researchPaths.volunteer, { id }), {}), { success: '已报名，请等待办公室确认' });
  return (
    <Flex vertical gap={16}>
      <PageCard title="我的调研">
        <TopicCards rows={data?.groups} loading={isFetching && !data} empty="您还没有参加调研组" testId="my-research-group" />
      </PageCard>
      <PageCard title="可报名的调研课题" level={2}>
        <TopicCards
          rows={data?.open}
          empty="暂无可报名的课题"
          testId="open-research-topic"
          extra={(t) => can(t, 'volunteer') && t.groupSize < t.groupLimit && (
            <Button type="primary" block onClick={() => void join(t.id)} data-testid="volunteer" aria-label={`报名参加调研组：${t.title}`}>报名参加调研组</Button>
          )}
        />
      </PageCard>
    </Flex>
  );
}
