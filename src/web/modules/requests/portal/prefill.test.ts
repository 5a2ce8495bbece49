import { describe, expect, it } from 'vitest';
import { readPrefill, requestFormHref } from './prefill';

describe('民生诉求 form prefill', () => {
  it('carries the text in the fragment, never the query the server sees, and reads it back', () => {
    const href = requestFormHref('c-1', '我家楼下 3号楼 噪音扰民 & 100%？');
    const url = new URL(href, 'https://x.test');
    expect(url.pathname).toBe('/portal/requests/new');
    expect(url.search).toBe('?c=c-1');
    expect(url.search).not.toContain('噪音');
    expect(readPrefill(url.hash)).toBe('我家楼下 3号楼 噪音扰民 & 100%？');
  });

  it('keeps to the form’s 2,000-character limit and ignores an empty or foreign fragment', () => {
    expect([...readPrefill(new URL(requestFormHref('c', '字'.repeat(2500)), 'https://x.test').hash)!]).toHaveLength(2000);
    expect(readPrefill('')).toBeNull();
    expect(readPrefill('#other=1')).toBeNull();
  });
});
