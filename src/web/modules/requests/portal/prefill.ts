/**
 * Opening the portal's 民生诉求 form with text carried over (from a proposal draft the drafting help
 * found to be a personal matter). The text rides in the address's fragment (#…), which the browser
 * never sends to the server, so a person's complaint does not end up in access logs.
 */
const KEY = 'prefill';
/** The form's own limit on 诉求内容 (requestSubmission.body). */
const MAX_BODY = 2000;

/** The form's address for committee `committeeId`, with `body` to fill in. */
export function requestFormHref(committeeId: string, body: string): string {
  const text = [...body.trim()].slice(0, MAX_BODY).join('');
  return `/portal/requests/new?c=${encodeURIComponent(committeeId)}#${KEY}=${encodeURIComponent(text)}`;
}

/** The text carried in `hash`, or null; a malformed fragment is ignored. */
export function readPrefill(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const body = params.get(KEY);
  return body ? [...body].slice(0, MAX_BODY).join('') : null;
}
