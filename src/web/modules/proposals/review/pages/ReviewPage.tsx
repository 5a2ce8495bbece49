import { useState } from 'react';
import { Alert, Tabs } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { PageCard } from '../../../../app/ui/PageCard';
import { AllProposals } from '../AllProposals';
import { MergeDialog, type Mergeable } from '../MergeDialog';
import { OverdueList } from '../OverdueList';
import { ReviewQueue } from '../ReviewQueue';
import { SameIssueGroups } from '../SameIssueGroups';

const tabs = ['queue', 'groups', 'overdue', 'all'] as const;
type Tab = (typeof tabs)[number];

/**
 * 提案审查 for the proposal office: the review queue (bulk merge and filing), groups of proposals
 * on the same issue (merge in one action), proposals past their reply deadline, and all proposals
 * with filters. The tab is in the address (?tab=groups) so it survives a reload and can be linked.
 */
export default function ReviewPage() {
  const [params, setParams] = useSearchParams();
  const tab: Tab = tabs.find((t) => t === params.get('tab')) ?? 'queue';
  const [merging, setMerging] = useState<Mergeable[] | null>(null);
  const [merged, setMerged] = useState<{ id: string; title: string } | null>(null);
  // bumping the key reloads every tab after a merge or a stale merge attempt
  const [round, setRound] = useState(0);
  const refresh = () => {
    setMerging(null);
    setRound((r) => r + 1);
  };
  return (
    <PageCard title="提案审查">
      {merged && (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setMerged(null) }}
          style={{ marginBottom: 12 }}
          title={
            <span>
              已并案，主提案：<Link to={`/proposals/${merged.id}`} data-testid="merged-main">{merged.title}</Link>（可在其页面立案）
            </span>
          }
        />
      )}
      <Tabs
        key={round}
        activeKey={tab}
        onChange={(t) => setParams(t === 'queue' ? {} : { tab: t }, { replace: true })}
        items={[
          { key: 'queue', label: '待审查', children: <ReviewQueue onMerge={setMerging} /> },
          { key: 'groups', label: '相同问题分组', children: <SameIssueGroups onMerge={setMerging} /> },
          { key: 'overdue', label: '逾期提醒', children: <OverdueList /> },
          { key: 'all', label: '全部提案', children: <AllProposals /> },
        ]}
      />
      <MergeDialog
        items={merging}
        onClose={() => setMerging(null)}
        onConflict={refresh}
        onSaved={(main) => {
          setMerged({ id: main.id, title: main.title });
          refresh();
        }}
      />
    </PageCard>
  );
}
