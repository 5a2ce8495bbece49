import { Modal, Input } from 'antd';
import { createElement } from 'react';
import { run } from '../../app/errors';

/**
 * Asks for the reason a step needs (退回、不予采纳、审核不通过) or an optional review note, then runs
 * the step. Resolves to false when cancelled.
 */
export function askNote(title: string, required: boolean, send: (note: string | undefined) => Promise<unknown>): Promise<boolean> {
  let note = '';
  return new Promise((resolve) => {
    Modal.confirm({
      title,
      content: createElement(Input.TextArea, { rows: 3, 'aria-label': required ? '理由' : '意见（可不填）', placeholder: required ? '请填写理由' : '意见（可不填）', onChange: (e: { target: { value: string } }) => (note = e.target.value), 'data-testid': 'step-note' } as any),
      okText: '确定',
      cancelText: '取消',
      onOk: async () => {
        if (required && note.trim().length < 2) throw new Error('请填写理由');
        const done = await run(() => send(note.trim() || undefined).then(() => true));
        // a refusal was shown; the dialog stays open with what was typed
        if (!done) throw new Error('refused');
        resolve(true);
      },
      onCancel: () => resolve(false),
    });
  });
}
