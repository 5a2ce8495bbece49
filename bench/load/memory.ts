/**
 * Whether a server's memory stayed flat over a soak, from RSS samples taken at a fixed interval.
 * The first third is warm-up (caches, JIT, pools filling) and is not judged. After it, memory
 * must neither grow by more than `maxGrowthMb` (the median of the last third of the judged samples
 * against the median of their first third) nor trend upward by more than `maxSlopeMbPerMin` (the median
 * of the slopes between every two samples), so a slow leak fails even when each step is small, a jump that stays
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
  // Theil–Sen: the median of the slopes between every two samples — a leak raises most of them,
  // the heap's step at the end of a soak only the few that include it
  const slopes: number[] = [];
  for (let i = 0; i < settled.length; i++) for (let j = i + 1; j < settled.length; j++) slopes.push((settled[j] - settled[i]) / (((j - i) * intervalSeconds) / 60));
  const slopeMbPerMin = median(slopes);
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
