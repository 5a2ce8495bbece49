import { useState } from 'react';
import { Button, Dropdown, type MenuProps } from 'antd';
import { DownOutlined, DownloadOutlined } from '@ant-design/icons';
import { pathTo, queryString } from '@shared/http/paths';
import { proposalPaths } from '@shared/proposals/paths';
import type { ProposalDocument } from '@shared/proposals/responses';
import { api } from '../../../app/api';
import { useGet } from '../../../app/query';
import { showError } from '../../../app/errors';

const formats = [
  { format: 'docx', text: 'Word' },
  { format: 'pdf', text: 'PDF' },
] as const;

/**
 * The "下载" button of a proposal's page: a menu of the printed documents the server lists for this
 * reader (提案表; 交办通知书 and 答复函 once assigned and replied, a unit only its own), each as Word
 * or PDF. Shown only when `allowed` (the proposal's `document` action) and the list is not empty.
 *
 * @example <DocumentMenu proposalId={p.id} allowed={p.actions.includes('document')} />
 */
export function DocumentMenu({ proposalId, allowed }: { proposalId: string; allowed: boolean }) {
  // refetched after every write, like the proposal: a proposal that moved on may offer other documents
  const { data } = useGet<{ items: ProposalDocument[] }>(pathTo(proposalPaths.documents, { id: proposalId }), undefined, { enabled: allowed });
  const [busy, setBusy] = useState(false);
  const docs = data?.items ?? [];
  if (!allowed || docs.length === 0) return null;

  // keys carry the document's index and format, so the click handler finds both without parsing labels
  const items: MenuProps['items'] = docs.map((d, i) => ({
    type: 'group',
    key: `g${i}`,
    label: d.label,
    children: formats.map((f) => ({ key: `${i}:${f.format}`, label: `${f.text} 文档`, 'data-testid': `download-${d.kind}-${f.format}` })),
  }));
  const onClick: MenuProps['onClick'] = async ({ key }) => {
    const [index, format] = key.split(':');
    const d = docs[Number(index)];
    if (!d || !format) return;
    setBusy(true);
    try {
      await api.download(`${pathTo(proposalPaths.document, { id: proposalId, kind: d.kind, format })}${queryString({ assignmentId: d.assignmentId })}`, `${d.label}.${format}`);
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']}>
      <Button icon={<DownloadOutlined />} loading={busy} data-testid="proposal-download">
        下载 <DownOutlined />
      </Button>
    </Dropdown>
  );
}
