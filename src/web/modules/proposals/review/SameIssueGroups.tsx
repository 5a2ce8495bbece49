import { Button, Card, Empty, Flex, List, Progress, Tag } from 'antd';
import { Link } from 'react-router';
import { api } from '../../../app/api';
import { useRemote } from '../../../app/useRemote';
import type { Mergeable } from './MergeDialog';

const statusLabels: Record<string, string> = { submitted: '待预审', reviewing: '待复审', deciding: '待审定' };

interface Group {
  /** the highest pair similarity inside the group, 0–1 */
  score: number;
  proposals: { id: string; version: number; title: string; proposer: string | null; status: string }[];
}

/** 相同问题分组: proposals in review that address the same issue, each group mergeable in one action. */
export function SameIssueGroups({ onMerge }: { onMerge: (items: Mergeable[]) => void }) {
  const { data, loading } = useRemote(() => api.get<{ groups: Group[] }>('/proposals/similar-groups'), []);
  if (!loading && !data?.groups.length) return <Empty description="审查中的提案暂未发现反映同一问题的" />;
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
              <Progress percent={Math.round(g.score * 100)} size="small" style={{ width: 180 }} format={(p) => `相似度 ${p}%`} />
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
              <Tag color="blue">{statusLabels[p.status] ?? p.status}</Tag>
            </Flex>
          ))}
        </Card>
      )}
    />
  );
}
