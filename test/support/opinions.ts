import type { Client } from './app.js';
import { ok } from './proposals.js';

/** A report written from a real citizen message (taidi 2020 set), as a member would rewrite it. */
export const sampleOpinion = {
  title: '关于整治学校周边占道施工安全隐患的建议',
  body:
    '近期有群众反映，我区某大道西行便道被建筑工地围挡圈入施工范围，行人被迫走机动车道，上下班高峰人流车流密集，安全隐患突出。' +
    '建议：一是住建部门督促施工单位退让围挡、恢复人行通道；二是交警部门在路口设置临时警示标志；三是城管部门加强巡查，对占道施工依法处理。',
  category: '城乡建设',
};

/** Creates and submits a report as `client`, returning the submitted record. */
export async function submittedOpinion(client: Client, o: Partial<typeof sampleOpinion> = {}) {
  const draft = await ok(client.post('/api/opinions', { ...sampleOpinion, ...o }));
  return ok(client.post(`/api/opinions/${draft.id}/actions/submit`, { version: draft.version }));
}

/** A new draft issue (期) of the client's committee. */
export const newIssue = (client: Client) => ok(client.post('/api/opinions/issues', {}));
