import { useState } from 'react';
import { GuardedButton } from '../../../app/ui/GuardedButton';
import { Button, Flex, Popconfirm, Typography } from 'antd';
import { pathTo } from '@shared/http/paths';
import { proposalPaths } from '@shared/proposals/paths';
import { api, ApiError } from '../../../app/api';
import { feedback } from '../../../app/feedback';
import { useProposalPage } from '../data';
import { ProposalTable, type ProposalRow } from './ProposalTable';

/**
 * Files each selected proposal in turn (each with its own version, so one changed meanwhile fails
 * alone) and says which could not be filed and why.
 */
async function fileAll(rows: ProposalRow[]) {
  const failed: string[] = [];
  for (const p of rows) {
    try {
      await api.post(pathTo(proposalPaths.action, { id: p.id, action: 'file' }), { version: p.version });
    } catch (err) {
      failed.push(`《${p.title}》：${err instanceof ApiError ? err.message : '操作失败'}`);
    }
  }
  const done = rows.length - failed.length;
  if (failed.length === 0) feedback.message.success(`已立案 ${done} 件`);
  else feedback.modal.warning({ title: `已立案 ${done} 件，${failed.length} 件未能立案`, content: failed.map((f) => <div key={f}>{f}</div>) });
}

/** 待审查: the queue in order of submission; several can be merged or filed at once. */
export function ReviewQueue({ onMerge }: { onMerge: (rows: ProposalRow[]) => void }) {
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<ProposalRow[]>([]);
  const [busy, setBusy] = useState(false);
  const { data, isFetching: loading } = useProposalPage({ scope: 'review', page });
  const fileable = selected.filter((p) => p.actions.includes('file'));
  const file = async () => {
    setBusy(true);
    await fileAll(fileable);
    setBusy(false);
    setSelected([]);
  };
  return (
    <>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 8 }}>
        <GuardedButton why={selected.length < 2 ? '勾选至少两件提案后可并案' : null} onClick={() => onMerge(selected)} data-testid="merge-selected">
          并案（已选 {selected.length} 件）
        </GuardedButton>
        <Popconfirm title={`将所选 ${fileable.length} 件提案立案并编号？`} onConfirm={file} disabled={fileable.length === 0} okText="确定" cancelText="取消">
          <GuardedButton why={fileable.length === 0 ? '请勾选已完成预审、复审（待审定）的提案' : null} loading={busy} data-testid="file-selected">
            批量立案（{fileable.length} 件）
          </GuardedButton>
        </Popconfirm>
      </Flex>
      <ProposalTable
        loading={loading}
        dataSource={data?.items}
        hide={['units', 'deadline']}
        rowSelection={{ selectedRowKeys: selected.map((s) => s.id), onChange: (_, rows) => setSelected(rows) }}
        pagination={{ current: page, total: data?.total ?? 0, pageSize: 20, onChange: (p) => (setPage(p), setSelected([])), showTotal: (t) => `共 ${t} 件` }}
        data-testid="review-table"
      />
    </>
  );
}
