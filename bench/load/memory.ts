/**
 * Whether a server's memory stayed flat over a soak, from RSS samples taken at a fixed interval.
 * The first third is warm-up (caches, JIT, pools filling) and is not judged. A garbage-collected
 * heap saws up and down by a hundred megabytes under load; a leak shows in its floor — what is left
 * after each collection. So memory is judged by its lows: the lowest sample of the last third of the
 * judged samples must not exceed the lowest of their first third by more than `maxGrowthMb`, and the
 * lows of each minute must not trend upward by more than `maxSlopeMbPerMin` (the median of the
 * slopes between every two of them, Theil–Sen). A slow leak fails even when each step is small, a
 * jump that stays fails, and the sawtooth does not.
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
  const growthMb = Math.min(...settled.slice(-third)) - Math.min(...settled.slice(0, third));
  // the low of each minute (a window of samples), then the median of their pairwise slopes
  const perWindow = Math.max(1, Math.round(60 / intervalSeconds));
  const lows: number[] = [];
  for (let i = 0; i + perWindow <= settled.length; i += perWindow) lows.push(Math.min(...settled.slice(i, i + perWindow)));
  const minutesPerWindow = (perWindow * intervalSeconds) / 60;
  const slopes: number[] = [];
  for (let i = 0; i < lows.length; i++) for (let j = i + 1; j < lows.length; j++) slopes.push((lows[j] - lows[i]) / ((j - i) * minutesPerWindow));
  const slopeMbPerMin = slopes.length ? median(slopes) : 0;
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
