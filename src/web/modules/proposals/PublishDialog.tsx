import { useState } from 'react';
import { Alert, List, Modal, Typography } from 'antd';
import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { pathTo } from '@shared/http/paths';
import { proposalPaths } from '@shared/proposals/paths';
import type { ProposalDetail } from '@shared/proposals/responses';
import { api } from '../../app/api';
import { run } from '../../app/errors';
import { formatTime } from '../../app/forms';

const Ok = ({ ok }: { ok: boolean }) => (ok ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <CloseCircleTwoTone twoToneColor="#cf1322" />);

/**
 * 在门户公开: shows what disclosure depends on — the proposer's consent and every reply being
 * marked for disclosure — before staff publish or take a proposal off the portal. The server
 * checks the same conditions.
 */
export function PublishDialog({ open, proposal: p, onClose, onSaved }: { open: boolean; proposal: ProposalDetail; onClose(): void; onSaved(): void }) {
  const [busy, setBusy] = useState(false);
  const published = !!p.publishedAt;
  const sent = p.replies.filter((r) => r.status === 'sent');
  const blocked = !p.proposerConsent || sent.some((r) => !r.disclose);
  const ok = async () => {
    setBusy(true);
    await run(() => api.post(pathTo(proposalPaths.publish, { id: p.id }), { version: p.version, publish: !published }), { success: published ? '已取消公开' : '已在门户公开', onConflict: onSaved }).then((r) => r && onSaved());
    setBusy(false);
  };
  return (
    <Modal
      title={published ? '取消门户公开' : '在门户公开'}
      open={open}
      onCancel={onClose}
      onOk={ok}
      okText={published ? '取消公开' : '公开'}
      okButtonProps={{ disabled: !published && blocked, danger: published }}
      confirmLoading={busy}
    >
      {published && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`已于 ${formatTime(p.publishedAt)} 公开`} />}
      <List size="small" bordered>
        <List.Item>
          <span>
            <Ok ok={p.proposerConsent} /> 提案人{p.proposerConsent ? '同意' : '不同意'}公开办理答复
          </span>
        </List.Item>
        {sent.map((r) => (
          <List.Item key={r.id}>
            <span>
              <Ok ok={r.disclose} /> {r.unitName}的答复{r.disclose ? '可以公开' : `不公开：${r.nondisclosureReason ?? ''}`}
            </span>
          </List.Item>
        ))}
      </List>
      {!published && blocked && (
        <Typography.Paragraph type="danger" style={{ marginTop: 12, marginBottom: 0 }}>
          以上条件未全部满足，不能在门户公开。
        </Typography.Paragraph>
      )}
    </Modal>
  );
}
