import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { proposalDraft } from '@shared/proposals/inputs';
import { contactBody } from '@shared/handling/inputs';
import { pathTo } from '@shared/http/paths';
import { proposalPaths } from '@shared/proposals/paths';
import { fieldRule } from './rules';

/** Runs a rule as antd does: resolves when the value passes, rejects with the message shown under the field. */
type Checked = { required: boolean; validator: (r: unknown, v: unknown) => Promise<void> };
const check = (rule: ReturnType<typeof fieldRule>, value: unknown) => (rule as Checked).validator({}, value);
const required = (rule: ReturnType<typeof fieldRule>) => (rule as Checked).required;

describe('form rules from the server schemas', () => {
  const title = fieldRule(proposalDraft.shape.title);

  it('refuses what the server refuses, in the server words, after the field name', async () => {
    await expect(check(title, '关于')).rejects.toThrow('案由（标题）至少4个字');
    await expect(check(title, '关'.repeat(101))).rejects.toThrow('案由（标题）不能超过100个字');
    await expect(check(title, undefined)).rejects.toThrow('案由（标题）必填');
    await expect(check(title, '关于加装电梯的建议')).resolves.toBeUndefined();
  });

  it('marks a field required exactly when its schema refuses an empty value', () => {
    expect(required(title)).toBe(true);
    expect(required(fieldRule(proposalDraft.shape.collectiveBody))).toBe(false);
  });

  it('checks a date picker value as the server receives it (YYYY-MM-DD)', async () => {
    await expect(check(fieldRule(contactBody.shape.contactOn), dayjs('2026-03-05'))).resolves.toBeUndefined();
  });
});

describe('route paths', () => {
  it('fills each parameter, encoded', () => {
    expect(pathTo(proposalPaths.action, { id: 'a/b', action: 'submit' })).toBe('/api/proposals/a%2Fb/actions/submit');
    expect(pathTo(proposalPaths.document, { id: 'x', kind: 'form', format: 'pdf' })).toBe('/api/proposals/x/documents/form.pdf');
  });
});
