import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { pdfFontFiles } from './fonts.js';
import { bodyCharPt, bodyPitchPt, chineseDate, emWidth, mastheadSize, signatureIndents } from './model.js';
import { attachmentHeader } from './send.js';

describe('official document layout (GB/T 9704)', () => {
  it('22 lines of 28 characters fill the 156 × 225 mm text area', () => {
    expect(bodyPitchPt * 22).toBeCloseTo((225 * 72) / 25.4, 5);
    expect(bodyPitchPt).toBeCloseTo(28.95, 1);
    expect(bodyCharPt * 28).toBeCloseTo((156 * 72) / 25.4, 5);
  });

  it('counts digits as half a character and writes dates without leading zeros', () => {
    expect(emWidth('2026年5月20日')).toBe(3 + 3.5);
    expect(chineseDate('2026-05-02')).toBe('2026年5月2日');
    // a moment late on 1 March UTC is already 2 March in Beijing
    expect(chineseDate(new Date('2026-03-01T17:00:00Z'))).toBe('2026年3月2日');
  });

  it('puts the date two characters right of the name, both at least two characters from the edge', () => {
    // name longer than the date: name 2 from the edge, date starts 2 characters in from the name
    expect(signatureIndents('龙岗区政协提案委员会', '2026年3月2日')).toEqual({ name: 2, date: 4 });
    // date longer than the name: the date keeps 2, the name moves left
    const short = signatureIndents('区教育局', '2026年11月23日');
    expect(short.date).toBe(2);
    expect(short.name + 4).toBe(short.date + emWidth('2026年11月23日') + 2);
  });

  it('sizes the masthead to fit the line, never above the maximum', () => {
    expect(mastheadSize('社情民意', 42)).toBe(42);
    const long = '中国人民政治协商会议深圳市龙岗区委员会';
    expect(mastheadSize(long, 42) * long.length).toBeLessThanOrEqual((156 * 72) / 25.4);
  });

  it('names downloads in Chinese by RFC 5987 with an ASCII fallback', () => {
    expect(attachmentHeader('七届五次会议第0087号-提案表.pdf', 'proposal-87-form')).toBe(
      `attachment; filename="proposal-87-form.pdf"; filename*=UTF-8''${encodeURIComponent('七届五次会议第0087号-提案表.pdf')}`,
    );
    expect(attachmentHeader("a'b (1).docx")).toBe(`attachment; filename="document.docx"; filename*=UTF-8''a%27b%20%281%29.docx`);
  });

  it('finds the CJK fonts in the npm packages: PDFs need nothing from the system', () => {
    expect(Object.values(pdfFontFiles()).map((f) => f.split('/').pop())).toEqual(['NotoSerifSC_400Regular.ttf', 'NotoSerifSC_700Bold.ttf', 'NotoSansSC_400Regular.ttf', 'NotoSansSC_700Bold.ttf']);
  });

  it('refuses to make a PDF without the CJK fonts, saying what to do (503)', () => {
    try {
      pdfFontFiles(() => null);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).status).toBe(503);
      expect((e as AppError).message).toContain('npm ci');
    }
  });
});
