import { Empty, Flex, List } from 'antd';
import { keyPaths, type KeyProposalView } from '@shared/proposals/key';
import { useGet } from '../../../app/query';
import { PageCard } from '../../../app/ui/PageCard';
import { KeyCard } from './KeyCard';

/**
 * 重点提案督办: a leader's key proposals (as leading chair or government leader) — the proposal
 * office sees the year's all — each with every assigned unit's state and what is overdue, and the
 * steps taken. Cards, so it reads on a phone.
 */
export default function SupervisePage() {
  const { data, isFetching } = useGet<{ year: number; items: KeyProposalView[] }>(keyPaths.list);
  const items = data?.items ?? [];
  const overdue = items.reduce((s, k) => s + k.overdue, 0);
  return (
    <PageCard title="重点提案督办">
      <Flex vertical gap={8}>
        {data && <span data-testid="key-summary">{data.year}年度 {items.length} 件重点提案{overdue ? `，${overdue} 个承办单位逾期未答复` : ''}</span>}
        {data && !items.length ? (
          <Empty description="暂无重点提案" />
        ) : (
          <List loading={isFetching && !data} dataSource={items} renderItem={(k) => <List.Item style={{ padding: '6px 0' }}><KeyCard k={k} /></List.Item>} />
        )}
      </Flex>
    </PageCard>
  );
}
