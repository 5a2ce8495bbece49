/**
 * How big the province-scale dataset is, and how it is spread over the committees. The defaults are
 * the province: 100 committees (the province, its cities, their districts), 30,000 members,
 * a million proposals over five years, 200,000 opinion reports and about ten million ledger entries.
 * `scale` shrinks every count at once (tests run at 0.001); an explicit count wins over the scale.
 */
export interface ScaleOptions {
  committees: number;
  members: number;
  proposals: number;
  opinions: number;
  /** ledger entries aimed at: what proposals and reports do not earn comes from meeting attendance */
  ledger: number;
  /** the years of data, ending with today's */
  years: number;
  /** the last day of data (China date); the data's "today" */
  today: string;
  seed: number;
  /** compute each committee's stored performance scores of today's year after loading */
  scores: boolean;
}

export const fullScale = { committees: 100, members: 30_000, proposals: 1_000_000, opinions: 200_000, ledger: 10_000_000 } as const;

/** `--scale 0.01 --proposals 20000 …` → options (unknown flags are an error, so a typo does not load a million rows). */
export function parseScaleArgs(args: string[], today: string): ScaleOptions {
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const m = /^--([a-z]+)(?:=(.*))?$/.exec(args[i]);
    if (!m) throw new Error(`无法识别的参数：${args[i]}`);
    flags.set(m[1], m[2] ?? (args[i + 1] && !args[i + 1].startsWith('--') ? args[++i] : 'true'));
  }
  const known = ['scale', 'committees', 'members', 'proposals', 'opinions', 'ledger', 'years', 'seed', 'scores'];
  for (const k of flags.keys()) if (!known.includes(k)) throw new Error(`未知参数 --${k}；可用：${known.map((x) => '--' + x).join(' ')}`);
  const scale = Number(flags.get('scale') ?? 1);
  if (!(scale > 0 && scale <= 10)) throw new Error('--scale 应为 0 到 10 之间的数');
  const count = (name: keyof typeof fullScale, min: number) => {
    const v = flags.has(name) ? Number(flags.get(name)) : Math.round(fullScale[name] * scale);
    if (!Number.isInteger(v) || v < min) throw new Error(`--${name} 应为不小于 ${min} 的整数`);
    return v;
  };
  const committees = flags.has('committees') ? count('committees', 3) : Math.max(3, Math.min(100, Math.round(100 * Math.sqrt(scale))));
  const years = Number(flags.get('years') ?? 5);
  if (!Number.isInteger(years) || years < 1 || years > 10) throw new Error('--years 应为 1 到 10 的整数');
  return {
    committees,
    members: Math.max(count('members', 1), committees * 12),
    proposals: count('proposals', 0),
    opinions: count('opinions', 0),
    ledger: count('ledger', 0),
    years,
    today,
    seed: Number(flags.get('seed') ?? 2026),
    scores: flags.get('scores') !== 'false' && flags.get('scores') !== '0',
  };
}

export interface PlannedCommittee {
  /** 0 = the province; usernames carry it: s000_admin, s017_m0042 */
  index: number;
  level: 'province' | 'city' | 'district';
  name: string;
  shortName: string;
  /** index of the parent committee, -1 for the province */
  parent: number;
  members: number;
  proposals: number;
  opinions: number;
}

/** Splits `total` by weights into integers that add up to it exactly (largest remainders). */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    out[i]++;
  }
  return out;
}
