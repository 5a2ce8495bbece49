import { useEffect, useState } from 'react';

type Listener = (text: string) => void;
let listener: Listener | null = null;

/**
 * Says a message to screen-reader users through the page's live region (WCAG 4.1.3): form errors
 * are linked to their fields by aria-describedby, but nothing would read them out on a failed save.
 */
export function announce(text: string) {
  listener?.(text);
}

/** antd's failed validation (`{ errorFields }`) → one sentence naming every field's problem. */
export function announceFormErrors(failure: { errorFields?: { errors: string[] }[] } | unknown) {
  const fields = (failure as { errorFields?: { errors: string[] }[] })?.errorFields ?? [];
  const messages = fields.flatMap((f) => f.errors).filter(Boolean);
  if (messages.length) announce(`请检查：${messages.join('；')}`);
}

/** The live region itself, once at the root of the app; visually hidden. */
export function Announcer() {
  const [text, setText] = useState('');
  useEffect(() => {
    let frame = 0;
    listener = (next) => {
      // emptied first, so the same message said twice is read twice
      setText('');
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setText(next));
    };
    return () => {
      listener = null;
      cancelAnimationFrame(frame);
    };
  }, []);
  return (
    <div className="sl-visually-hidden" role="alert" aria-live="assertive" aria-atomic="true" data-testid="announcer">
      {text}
    </div>
  );
}
