import { useState } from 'react';
import { pathTo } from '@shared/http/paths';
import { questionLimits as L } from '@shared/studios/labels';
import { studioPaths } from '@shared/studios/paths';
import type { PublicFormReceived } from '@shared/http/responses';
import { api } from '../../../app/api';
import { PlainButton, PlainChallenge, PlainField, PlainSubmit, described } from '../../portal/plain';
import { usePublicForm } from '../../portal/usePublicForm';

/**
 * 线上咨询: ask the studio a question from its page. Plain controls and no zod on the page (the
 * public script budget); the browser checks lengths and required fields, the server everything else,
 * and its field errors land on the fields. The challenge and rate limit are the public forms' own.
 */
export function AskForm({ studioId, committeeId }: { studioId: string; committeeId: string }) {
  const [done, setDone] = useState<string | null>(null);
  const { challenge, next, errors, busy, onSubmit } = usePublicForm(committeeId, (v) => api.post<PublicFormReceived>(pathTo(studioPaths.ask, { id: studioId }), v), (a) => setDone(a.message));
  if (done)
    return (
      <div role="status" data-testid="ask-done" style={{ padding: 12, background: '#f6ffed', border: '1px solid #b7eb8f', borderRadius: 6 }}>
        <p style={{ margin: '0 0 8px' }}>{done}</p>
        <PlainButton type="button" primary={false} onClick={() => setDone(null)}>再提一个问题</PlainButton>
      </div>
    );
  return (
    <form onSubmit={onSubmit} aria-label="线上咨询" data-testid="ask-form">
      <PlainField id="body" label="咨询内容" required hint={`${L.bodyMin}—${L.body}字；答复经审核后公开，不公开您的姓名和联系方式`} error={errors.body}>
        <textarea {...described('body', true, errors.body)} required minLength={L.bodyMin} maxLength={L.body} rows={5} data-testid="ask-body" />
      </PlainField>
      <PlainField id="askerName" label="姓名（选填）" error={errors.askerName}>
        <input {...described('askerName', false, errors.askerName)} maxLength={L.name} autoComplete="name" />
      </PlainField>
      <PlainField id="askerContact" label="联系方式" required hint="手机号、固定电话或电子邮箱，仅供工作人员联系您" error={errors.askerContact}>
        <input {...described('askerContact', true, errors.askerContact)} required maxLength={L.contact} inputMode="email" autoComplete="tel" data-testid="ask-contact" />
      </PlainField>
      <PlainChallenge challenge={challenge} next={() => void next()} error={errors.challengeAnswer} />
      <PlainSubmit error={errors.form} busy={busy} data-testid="ask-submit">提交咨询</PlainSubmit>
    </form>
  );
}
