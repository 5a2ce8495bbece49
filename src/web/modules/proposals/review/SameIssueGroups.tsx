import { Button, Card, Empty, Flex, List, Progress, Tag } from 'antd';
import { Link } from 'react-router';
import { labelOf } from '@shared/labels';
import { proposalStates } from '@shared/proposals/labels';
import { proposalPaths } from '@shared/proposals/paths';
import type { SameIssueGroup } from '@shared/proposals/responses';
import { useGet } from '../../../app/query';
import type { Mergeable } from './MergeDialog';



/** 相同问题分组: proposals in review that address the same issue, each group mergeable in one action. */
export function SameIssueGroups({ onMerge }: { onMerge: (items: Mergeable[]) => void }) {
  const { data, isPending: loading } = useGet<{ groups: SameIssueGroup[] }>(proposalPaths.similarGroups);
  if (!loading && !data?.groups.length) return <Empty description="审查中的提案里暂未发现反映同一问题的提案" />;
  return (
    <List
      loading={loading}
      dataSource={data?.groups ?? []}
      data-testid="similar-groups"
      renderItem={(g, i) => (
        <Card
          size="small"
          style={{ marginBottom: 12 }}
          data-testid="similar-group"
          title={
            <Flex gap={12} align="center" wrap>
              <span>
                第 {i + 1} 组 · {g.proposals.length} 件
              </span>
              <Progress aria-label="相似度" percent={Math.round(g.score * 100)} size="small" style={{ width: 180 }} format={(p) => `相似度 ${p}%`} />
            </Flex>
          }
          extra={
            <Button type="primary" size="small" onClick={() => onMerge(g.proposals)} data-testid="merge-group">
              并案
            </Button>
          }
        >
          {g.proposals.map((p) => (
            <Flex key={p.id} gap={8} wrap align="center" style={{ marginBottom: 4 }}>
              <Link to={`/proposals/${p.id}`}>{p.title}</Link>
              {p.proposer && <Tag>{p.proposer}</Tag>}
              <Tag color="blue">{labelOf(proposalStates, p.status)}</Tag>
            </Flex>
          ))}
        </Card>
      )}
    />
  );
}
