import { describe, expect, it } from 'vitest';
import { memoryVerdict } from '../../bench/load/memory.js';

/** The soak's memory check (bench/load): flat memory passes, a leak fails, big or slow. */
describe('soak memory verdict', () => {
  const every10s = (f: (minute: number) => number, minutes = 5) => Array.from({ length: minutes * 6 + 1 }, (_, i) => Math.round(f(i / 6)));
  const noise = (i: number) => 6 * Math.sin(i * 7.3);

  it('passes memory that warms up, then swings around a level', () => {
    const v = memoryVerdict(every10s((m) => (m < 1 ? 120 + 60 * m : 180 + noise(m * 6))), 10);
    expect(v).toMatchObject({ flat: true, reason: null });
  });

  it('passes swings of a garbage-collected heap, also when the last samples are high (a real soak, every 10 s)', () => {
    const real = [383, 280, 303, 288, 301, 289, 277, 284, 296, 286, 292, 280, 283, 289, 311, 375, 341, 305, 278, 296, 291, 285, 290, 295, 288, 291, 277, 290, 297, 285, 335, 335];
    expect(memoryVerdict(real, 10)).toMatchObject({ flat: true, reason: null });
    // a sawtooth of 150 MB whose floor stays put
    const sawtooth = [413, 303, 298, 286, 290, 287, 300, 301, 281, 278, 288, 289, 347, 349, 286, 289, 307, 281, 341, 426, 278, 322, 302, 387, 385, 287, 307, 390, 298, 342, 427, 427];
    expect(memoryVerdict(sawtooth, 10)).toMatchObject({ flat: true, reason: null });
  });

  it('fails a floor that rises while the heap saws', () => {
    const v = memoryVerdict(every10s((m) => 200 + 8 * m + (Math.round(m * 6) % 3 === 0 ? 120 : 0)), 10);
    expect(v.flat).toBe(false);
  });

  it('fails a slow leak of 5 MB a minute even though no single step is large', () => {
    const v = memoryVerdict(every10s((m) => 180 + 5 * m + noise(m * 6)), 10);
    expect(v.flat).toBe(false);
    expect(v.reason).toMatch(/trends up/);
  });

  it('fails a jump that stays', () => {
    const v = memoryVerdict(every10s((m) => (m < 3 ? 180 : 260)), 10);
    expect(v.flat).toBe(false);
    expect(v.reason).toMatch(/grew 80 MB/);
  });

  it('does not judge a soak too short to tell', () => {
    expect(memoryVerdict([100, 101], 10).flat).toBe(false);
  });
});
