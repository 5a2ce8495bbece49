import { useState, type CSSProperties, type ReactNode } from 'react';
import type { Challenge } from '@shared/requests/responses';

/**
 * Plain form controls for the portal's public forms, styled like antd's: a visitor's first page
 * must stay within the public script budget (300 KB gzip, bench/delivery.ts), and antd's Form,
 * Select and Upload with zod rules weigh more than the rest of a page together. Each control has
 * its label, its hint and its error (from the server's field issues) tied to it for screen readers.
 */
const box: CSSProperties = { width: '100%', boxSizing: 'border-box', padding: '6px 11px', fontSize: 15, border: '1px solid #8c8c8c', borderRadius: 6, fontFamily: 'inherit' };

export function PlainField({ id, label, hint, error, required, children }: { id: string; label: string; hint?: string; error?: string; required?: boolean; children: ReactNode }) {
  return (
    <div style={{ marginBottom: 16 }}>
      <label htmlFor={id} style={{ display: 'block', marginBottom: 6, fontWeight: 500 }}>
        {required && <span aria-hidden style={{ color: '#cf1322', marginInlineEnd: 4 }}>*</span>}
        {label}
      </label>
      {children}
      {hint && <div id={`${id}-hint`} style={{ color: '#595959', fontSize: 13, marginTop: 4 }}>{hint}</div>}
      {error && <div id={`${id}-error`} role="alert" style={{ color: '#cf1322', fontSize: 13, marginTop: 4 }}>{error}</div>}
    </div>
  );
}

/** The aria wiring of a control inside a `PlainField` with the same id. */
export const described = (id: string, hint: boolean, error: string | undefined) => ({
  id, name: id, 'aria-invalid': error ? true : undefined,
  'aria-describedby': [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined,
  style: { ...box, borderColor: error ? '#cf1322' : '#8c8c8c' },
});

export function PlainButton({ children, busy, primary = true, ...rest }: { children: ReactNode; busy?: boolean; primary?: boolean; type?: 'submit' | 'button'; onClick?: () => void; 'data-testid'?: string }) {
  return (
    <button
      type={rest.type ?? 'submit'} disabled={busy} aria-busy={busy || undefined} onClick={rest.onClick} data-testid={rest['data-testid']}
      style={{ minHeight: 40, padding: '0 16px', fontSize: 15, color: primary ? '#fff' : '#262626', background: primary ? '#a8071a' : '#fff', border: primary ? 'none' : '1px solid #8c8c8c', borderRadius: 6, cursor: busy ? 'wait' : 'pointer' }}
    >
      {busy ? '提交中…' : children}
    </button>
  );
}

/** The arithmetic question of a plain public form: the question is the label, 换一题 asks another. */
export function PlainChallenge({ challenge, next, error }: { challenge: Challenge | null; next: () => void; error?: string }) {
  return (
    <PlainField id="challengeAnswer" label={challenge ? `验证题：${challenge.question}` : '验证题'} required hint="为防止恶意提交，请计算后填写答案" error={error}>
      <div style={{ display: 'flex', gap: 8 }}>
        {/* keyed by the question: a new question starts with an empty answer */}
        <input key={challenge?.id} {...described('challengeAnswer', true, error)} required inputMode="numeric" placeholder="答案（数字）" data-testid="challenge-answer" data-question={challenge?.question} />
        <PlainButton type="button" primary={false} onClick={next}>换一题</PlainButton>
      </div>
    </PlainField>
  );
}

/** The end of a plain public form: its message for the rest of the refusals, and the send button. */
export function PlainSubmit({ error, busy, children, 'data-testid': testId }: { error?: string; busy: boolean; children: ReactNode; 'data-testid'?: string }) {
  return (
    <>
      {error && <p role="alert" style={{ color: '#cf1322' }}>{error}</p>}
      <PlainButton busy={busy} data-testid={testId}>{children}</PlainButton>
    </>
  );
}

/**
 * Copies a text the visitor must keep (a receipt code) and says so in a live region. The clipboard
 * API needs a secure page; elsewhere the text is copied through a selected field, and if neither
 * works the visitor is asked to write it down.
 */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [said, setSaid] = useState('');
  const copy = async () => {
    try {
      if (navigator.clipboard && window.isSecureContext) await navigator.clipboard.writeText(text);
      else if (!copyBySelection(text)) throw new Error('no clipboard');
      setSaid('已复制');
    } catch {
      setSaid('未能复制，请手动记下');
    }
  };
  return (
    <>
      <PlainButton type="button" primary={false} onClick={copy} data-testid="copy-button">{label}</PlainButton>
      <span role="status" style={{ marginInlineStart: 8, color: '#389e0d' }}>{said}</span>
    </>
  );
}

function copyBySelection(text: string): boolean {
  const field = document.createElement('textarea');
  field.value = text;
  field.setAttribute('readonly', '');
  field.style.position = 'fixed';
  field.style.opacity = '0';
  document.body.appendChild(field);
  field.select();
  try {
    return document.execCommand('copy');
  } finally {
    field.remove();
  }
}
