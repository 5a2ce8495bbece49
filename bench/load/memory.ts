/**
 * Whether a server's memory stayed flat over a soak, from RSS samples taken at a fixed interval.
 * The first third is warm-up (caches, JIT, pools filling) and is not judged. After it, memory
 * must neither grow by more than `maxGrowthMb` (the median of the last third of the judged samples
 * against the median of their first third) nor trend upward by more than `maxSlopeMbPerMin` (least
 * squares over the samples), so a slow leak fails even when each step is small, a jump that stays
 * fails, and a garbage-collection swing — even in the last sample — does not.
 */
export interface MemoryVerdict {
  flat: boolean;
  growthMb: number;
  slopeMbPerMin: number;
  reason: string | null;
}

export function memoryVerdict(samples: number[], intervalSeconds: number, o: { maxGrowthMb?: number; maxSlopeMbPerMin?: number } = {}): MemoryVerdict {
  const maxGrowthMb = o.maxGrowthMb ?? 48;
  const maxSlopeMbPerMin = o.maxSlopeMbPerMin ?? 3;
  const settled = samples.slice(Math.floor(samples.length / 3));
  if (settled.length < 3) return { flat: false, growthMb: 0, slopeMbPerMin: 0, reason: `too few samples to judge (${samples.length})` };
  const third = Math.ceil(settled.length / 3);
  const growthMb = median(settled.slice(-third)) - median(settled.slice(0, third));
  const n = settled.length;
  const xs = settled.map((_, i) => (i * intervalSeconds) / 60);
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = settled.reduce((a, b) => a + b, 0) / n;
  const slopeMbPerMin = xs.reduce((s, x, i) => s + (x - mx) * (settled[i] - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
  const round = (x: number) => Math.round(x * 100) / 100;
  const reason =
    growthMb > maxGrowthMb ? `RSS grew ${growthMb} MB after warm-up (limit ${maxGrowthMb})`
    : slopeMbPerMin > maxSlopeMbPerMin ? `RSS trends up ${round(slopeMbPerMin)} MB/min after warm-up (limit ${maxSlopeMbPerMin})`
    : null;
  return { flat: reason === null, growthMb, slopeMbPerMin: round(slopeMbPerMin), reason };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
