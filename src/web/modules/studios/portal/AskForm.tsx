import { useState, type FormEvent } from 'react';
import { pathTo } from '@shared/http/paths';
import { questionLimits as L } from '@shared/studios/labels';
import { studioPaths } from '@shared/studios/paths';
import type { Asked } from '@shared/studios/responses';
import { api, ApiError } from '../../../app/api';
import { PlainButton, PlainField, described } from '../../portal/plain';
import { useChallenge } from '../../portal/useChallenge';

type Errors = Partial<Record<'askerName' | 'askerContact' | 'body' | 'challengeAnswer' | 'form', string>>;

/**
 * 线上咨询: ask the studio a question from its page. Plain controls and no zod on the page (the
 * public script budget); the browser checks lengths and required fields, the server everything else,
 * and its field errors land on the fields. The challenge and rate limit are the public forms' own.
 */
export function AskForm({ studioId, committeeId }: { studioId: string; committeeId: string }) {
  const [round, setRound] = useState(0);
  const { challenge, next } = useChallenge(committeeId, round);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const send = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = Object.fromEntries(new FormData(form)) as Record<string, string>;
    setBusy(true);
    setErrors({});
    try {
      const answer = await api.post<Asked>(pathTo(studioPaths.ask, { id: studioId }), { ...data, challengeId: challenge?.id });
      form.reset();
      setDone(answer.message);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      const byField = Object.fromEntries(err.fields.map((f) => [f.field === 'challengeId' ? 'challengeAnswer' : f.field, f.message]));
      setErrors(err.fields.length ? byField : { form: err.message });
    } finally {
      setBusy(false);
      setRound((r) => r + 1);
    }
  };

  if (done)
    return (
      <div role="status" data-testid="ask-done" style={{ padding: 12, background: '#f6ffed', border: '1px solid #b7eb8f', borderRadius: 6 }}>
        <p style={{ margin: '0 0 8px' }}>{done}</p>
        <PlainButton type="button" primary={false} onClick={() => setDone(null)}>再提一个问题</PlainButton>
      </div>
    );
  return (
    <form onSubmit={(e) => void send(e)} aria-label="线上咨询" data-testid="ask-form">
      <PlainField id="body" label="咨询内容" required hint={`${L.bodyMin}—${L.body}字；答复经审核后公开，不公开您的姓名和联系方式`} error={errors.body}>
        <textarea {...described('body', true, errors.body)} required minLength={L.bodyMin} maxLength={L.body} rows={5} data-testid="ask-body" />
      </PlainField>
      <PlainField id="askerName" label="姓名（选填）" error={errors.askerName}>
        <input {...described('askerName', false, errors.askerName)} maxLength={L.name} autoComplete="name" />
      </PlainField>
      <PlainField id="askerContact" label="联系方式" required hint="手机号、固定电话或电子邮箱，仅供工作人员联系您" error={errors.askerContact}>
        <input {...described('askerContact', true, errors.askerContact)} required maxLength={L.contact} inputMode="email" autoComplete="tel" data-testid="ask-contact" />
      </PlainField>
      <PlainField id="challengeAnswer" label={challenge ? `验证题：${challenge.question}` : '验证题'} required hint="为防止恶意提交，请计算后填写答案" error={errors.challengeAnswer}>
        <div style={{ display: 'flex', gap: 8 }}>
          <input {...described('challengeAnswer', true, errors.challengeAnswer)} required inputMode="numeric" placeholder="答案（数字）" data-testid="challenge-answer" data-question={challenge?.question} />
          <PlainButton type="button" primary={false} onClick={() => void next()}>换一题</PlainButton>
        </div>
      </PlainField>
      {errors.form && <p role="alert" style={{ color: '#cf1322' }}>{errors.form}</p>}
      <PlainButton busy={busy} data-testid="ask-submit">提交咨询</PlainButton>
    </form>
  );
}
