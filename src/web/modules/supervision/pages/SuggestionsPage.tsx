import { useState } from 'react';
import { Button, Flex, Segmented, Select } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { supervisionPaths } from '@shared/supervision/paths';
import { suggestionStates } from '@shared/supervision/labels';
import type { SuggestionRow, SupervisionStats } from '@shared/supervision/responses';
import { can } from '../../../app/forms';
import { useGet } from '../../../app/query';
import { PageCard } from '../../../app/ui/PageCard';
import { SuggestionCards } from '../SuggestionCards';
import { SuggestionForm } from '../SuggestionForm';
import { StatsCard } from '../StatsCard';

const scopes = [
  { value: 'all', label: '全部' },
  { value: 'review', label: '待审核' },
  { value: 'overdue', label: '逾期未反馈' },
];

/** 监督建议: every suggestion the office (or a leader) may see, by state; the year's figures below. */
export default function SuggestionsPage() {
  const navigate = useNavigate();
  const [scope, setScope] = useState('all');
  const [status, setStatus] = useState<string>();
  const [writing, setWriting] = useState(false);
  const { data, isFetching } = useGet<{ items: SuggestionRow[]; actions: string[] }>(supervisionPaths.suggestions, { scope, ...(status ? { status } : {}) }, { keepPrevious: true });
  const { data: stats } = useGet<SupervisionStats>(supervisionPaths.stats, undefined, { enabled: can(data, 'stats') });
  return (
    <Flex vertical gap={16}>
      <PageCard
        title="监督建议"
        extra={
          <>
            <Segmented options={scopes} value={scope} onChange={(v) => setScope(String(v))} aria-label="范围" />
            <Select allowClear placeholder="状态" aria-label="状态" style={{ width: 140 }} value={status} onChange={setStatus} options={Object.entries(suggestionStates).map(([value, label]) => ({ value, label }))} />
            {can(data, 'create') && (
              <Button icon={<EditOutlined />} onClick={() => setWriting(true)} data-testid="suggestion-write">
                代小组起草
              </Button>
            )}
          </>
        }
      >
        <SuggestionCards rows={data?.items} loading={isFetching && !data} />
      </PageCard>
      {stats && <StatsCard stats={stats} />}
      <SuggestionForm open={writing} draft={null} onClose={() => setWriting(false)} onSaved={(s) => { setWriting(false); navigate(`/supervision/suggestions/${s.id}`); }} />
    </Flex>
  );
}
