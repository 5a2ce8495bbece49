import { useState } from 'react';
import { Segmented } from 'antd';
import { meetingPaths } from '@shared/meetings/paths';
import type { LeaveRequest } from '@shared/meetings/responses';
import { PageCard } from '../../../app/ui/PageCard';
import { useGet } from '../../../app/query';
import { LeaveDecisions } from '../LeaveDecisions';

/** 请假审批: every request of the committee's events, the pending ones first to decide. */
export default function LeaveQueuePage() {
  const [status, setStatus] = useState<string>('pending');
  const { data, isFetching: loading } = useGet<{ items: LeaveRequest[] }>(meetingPaths.leaveQueue, { status: status === 'all' ? undefined : status });
  return (
    <PageCard
      title="请假审批"
      extra={<Segmented value={status} onChange={(v) => setStatus(String(v))} options={[{ value: 'pending', label: '待审批' }, { value: 'approved', label: '已批准' }, { value: 'refused', label: '未批准' }, { value: 'all', label: '全部' }]} />}
    >
      {!loading || data ? <LeaveDecisions requests={data?.items ?? []} canDecide showEvent onDecided={() => undefined} onConflict={() => undefined} /> : null}
    </PageCard>
  );
}
