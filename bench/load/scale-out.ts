import autocannon from 'autocannon';
import { httpLogin } from '../../test/support/server-process.js';

export function fire(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => autocannon(opts, (err, res) => (err ? reject(err) : resolve(res))));
}

/** The mix split evenly over every process, at once: the requests per second they answer together. */
export async function splitLoad(bases: string[], requests: autocannon.Request[], connections: number, seconds: number) {
  const results = await Promise.all(bases.map((url) => fire({ url, connections: Math.max(1, Math.round(connections / bases.length)), duration: seconds, requests })));
  return {
    rps: results.reduce((n, r) => n + r.requests.average, 0),
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    errors: results.reduce((n, r) => n + r.errors + r.non2xx, 0),
    results,
  };
}

/**
 * How long a proposal submitted through one process takes to be found by another's similarity index
 * (each process keeps its own index and reads the rows changed since its last sync — nothing tells it
 * of a write). The member submits through `writer`; a staff member asks `reader` for similar
 * proposals with the new one's words until it is among the hits. Milliseconds from the submit's answer.
 * `who`: the member and the office's staff account of one committee, and a category it takes.
 */
const MARKERS = ['湿地候鸟栖息地巡护志愿者', '古树名木数字化档案', '非机动车头盔佩戴宣传', '社区图书馆夜间自助借阅', '山地自行车赛道维护', '农村电影放映室改造', '海岸线垃圾清理打捞船', '博物馆文物修复实验室'];

export async function crossProcessVisibility(writer: string, reader: string, tries: number, who: { member: string; staff: string; category: string }): Promise<number[]> {
  const member = await httpLogin(writer, who.member);
  const staff = await httpLogin(reader, who.staff);
  const found: number[] = [];
  for (let i = 0; i < tries; i++) {
    // words no seeded proposal (nor another try) has, so the new one is among the best hits once it is
    // indexed (50 of them: a kept database holds the same words from earlier runs, LOAD_KEEP)
    const marker = MARKERS[i % MARKERS.length];
    const draft = { title: `关于${marker}的建议`, background: `${marker}的情况说明。`, analysis: `${marker}存在的问题。`, suggestions: `建议加强${marker}。`, category: who.category, authorType: 'individual' };
    const created = await (await member.post('/api/proposals', draft)).json();
    const submitted = await member.post(`/api/proposals/${created.id}/actions/submit`, { version: created.version });
    if (!submitted.ok) throw new Error(`submit failed: ${submitted.status} ${await submitted.text()}`);
    const start = performance.now();
    const query = `/api/proposals/similar?${new URLSearchParams({ text: `${marker}的情况说明`, title: `关于${marker}的建议`, limit: '50' })}`;
    for (;;) {
      const hits = (await (await staff.get(query)).json()) as { id: string }[];
      if (hits.some((h) => h.id === created.id)) break;
      if (performance.now() - start > 60_000) throw new Error(`a proposal submitted through one process was not found by the other within 60 s: ${created.title}`);
    }
    found.push(Math.round(performance.now() - start));
  }
  return found;
}
