import { useState } from 'react';
import { Segmented } from 'antd';
import { api, query } from '../../../app/api';
import { PageCard } from '../../../app/ui/PageCard';
import { useRemote } from '../../../app/useRemote';
import { LeaveDecisions } from '../LeaveDecisions';
import type { LeaveRequest } from '../types';

/** 请假审批: every request of the committee's events, the pending ones first to decide. */
export default function LeaveQueuePage() {
  const [status, setStatus] = useState<string>('pending');
  const { data, loading, reload } = useRemote(() => api.get<{ items: LeaveRequest[] }>(`/meetings/leave${query({ status: status === 'all' ? undefined : status })}`), [status]);
  return (
    <PageCard
      title="请假审批"
      extra={<Segmented value={status} onChange={(v) => setStatus(String(v))} options={[{ value: 'pending', label: '待审批' }, { value: 'approved', label: '已批准' }, { value: 'refused', label: '未批准' }, { value: 'all', label: '全部' }]} />}
    >
      {!loading || data ? <LeaveDecisions requests={data?.items ?? []} canDecide showEvent onDecided={() => void reload()} onConflict={() => void reload()} /> : null}
    </PageCard>
  );
}
