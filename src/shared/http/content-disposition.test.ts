import { describe, expect, it } from 'vitest';
import { contentDisposition, fileNameOf } from './content-disposition.js';

describe('content-disposition: the server names a file one way and the web reads it back', () => {
  it.each(['提案统计-七届五次会议.xlsx', "a'b (1).docx", '委员名册.xlsx', 'plain.pdf', '100%完成;备注.txt'])('round-trips %s', (name) => {
    expect(fileNameOf(contentDisposition(name, 'fallback'))).toBe(name);
  });

  it('keeps an ASCII fallback with the real extension for old clients', () => {
    expect(contentDisposition('委员名册.xlsx', 'members')).toMatch(/^attachment; filename="members\.xlsx"; filename\*=UTF-8''/);
  });

  it('reads a plain filename when there is no UTF-8 one, and nothing from no header', () => {
    expect(fileNameOf('attachment; filename="report.pdf"')).toBe('report.pdf');
    expect(fileNameOf(null)).toBeUndefined();
  });
});
