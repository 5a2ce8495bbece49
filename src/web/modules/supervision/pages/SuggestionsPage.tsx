import { useState } from 'react';
import { Button, Flex, Segmented, Select, Tag } from 'antd';
import { DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router';
import { ratingLabels } from '@shared/handling/labels';
import { downloadFile } from '../../../app/errors';
import { useOrgOptions } from '../../org/useOrgOptions';
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
  // the cockpit's charts open this list filtered to what a bar counts: a year, a unit, a rating
  const [params, setParams] = useSearchParams();
  const year = params.get('year') ?? undefined;
  const unitId = params.get('unitId') ?? undefined;
  const rating = params.get('rating') ?? undefined;
  const [scope, setScope] = useState('all');
  const [status, setStatus] = useState<string | undefined>(params.get('status') ?? undefined);
  const [writing, setWriting] = useState(false);
  const query = { scope, ...(status ? { status } : {}), ...(year ? { year } : {}), ...(unitId ? { unitId } : {}), ...(rating ? { rating } : {}) };
  const { data, isFetching } = useGet<{ items: SuggestionRow[]; actions: string[]; total: number }>(supervisionPaths.suggestions, query, { keepPrevious: true });
  const { data: stats } = useGet<SupervisionStats>(supervisionPaths.stats, year ? { year } : undefined, { enabled: can(data, 'stats') });
  const registerYear = year ?? String(new Date().getFullYear());
  const { options } = useOrgOptions(['units']);
  const unitName = unitId ? options.units?.find((u) => u.value === unitId)?.label : undefined;
  const clear = () => setParams({});
  return (
    <Flex vertical gap={16}>
      <PageCard
        title="监督建议"
        extra={
          <>
            <Segmented options={scopes} value={scope} onChange={(v) => setScope(String(v))} aria-label="范围" />
            <Select allowClear placeholder="状态" aria-label="状态" style={{ width: 140 }} value={status} onChange={setStatus} options={Object.entries(suggestionStates).map(([value, label]) => ({ value, label }))} />
            {can(data, 'stats') && (
              <Button icon={<DownloadOutlined />} onClick={() => downloadFile(`${supervisionPaths.register}?year=${registerYear}`, `${registerYear}年度民主监督台账.xlsx`)} data-testid="register-xlsx">
                导出台账 (.xlsx)
              </Button>
            )}
            {can(data, 'create') && (
              <Button icon={<EditOutlined />} onClick={() => setWriting(true)} data-testid="suggestion-write">
                代小组起草
              </Button>
            )}
          </>
        }
      >
        {(year || unitId || rating) && (
          <Flex wrap gap={4} style={{ marginBottom: 12 }} data-testid="suggestion-filters">
            {year && <Tag>{year}年度</Tag>}
            {unitId && <Tag>被监督单位{unitName ? `：${unitName}` : ''}</Tag>}
            {rating && <Tag>评价：{ratingLabels[rating as keyof typeof ratingLabels] ?? rating}</Tag>}
            <Tag>共 {data?.total ?? 0} 件</Tag>
            <Button size="small" type="link" onClick={clear}>清除筛选</Button>
          </Flex>
        )}
        <SuggestionCards rows={data?.items} loading={isFetching && !data} />
      </PageCard>
      {stats && <StatsCard stats={stats} />}
      <SuggestionForm open={writing} draft={null} onClose={() => setWriting(false)} onSaved={(s) => { setWriting(false); navigate(`/supervision/suggestions/${s.id}`); }} />
    </Flex>
  );
}
