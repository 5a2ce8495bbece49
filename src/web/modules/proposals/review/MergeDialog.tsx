import { Form, Input, Radio } from 'antd';
import { mergeBody } from '@shared/proposals/inputs';
import { proposalPaths } from '@shared/proposals/paths';
import { api } from '../../../app/api';
import { fieldRules } from '../../../app/rules';

const rules = fieldRules(mergeBody);
import { FormModal } from '../../../app/ui/FormModal';

export interface Mergeable {
  id: string;
  version: number;
  title: string;
  proposer?: string | null;
}

/**
 * 并案: staff choose the main proposal, which keeps its title and gets the number; the others join
 * it and every author keeps credit. Saving answers the main proposal.
 */
export function MergeDialog({ items, onClose, onSaved, onConflict }: { items: Mergeable[] | null; onClose(): void; onSaved(main: { id: string; title: string }): void; onConflict(): void }) {
  const list = items ?? [];
  return (
    <FormModal<{ id: string; title: string }>
      name="merge"
      open={list.length > 1}
      width={640}
      title={`并案（${list.length}件）`}
      initialValues={{ primaryId: list[0]?.id, reason: '反映同一问题，建议相近，并案办理' }}
      save={(v) =>
        api.post(proposalPaths.merge, {
          primaryId: v.primaryId,
          otherIds: list.filter((p) => p.id !== v.primaryId).map((p) => p.id),
          versions: Object.fromEntries(list.map((p) => [p.id, p.version])),
          reason: v.reason,
        })
      }
      onSaved={onSaved}
      onClose={onClose}
      onConflict={onConflict}
      success="已并案"
    >
      <Form.Item name="primaryId" label="主提案（保留其案由，其他提案并入）" rules={rules.primaryId}>
        <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }} options={list.map((p) => ({ value: p.id, label: `${p.title}${p.proposer ? `（${p.proposer}）` : ''}` }))} />
      </Form.Item>
      <Form.Item name="reason" label="并案说明" rules={rules.reason}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}
