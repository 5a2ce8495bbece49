import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { users } from '../platform/auth/schema.js';
import { toActor } from '../platform/auth/sessions.js';
import { chinaToday } from '../platform/calendar/workdays.js';
import { createPost, publishPost } from '../modules/news/commands.js';

/**
 * The demo committee's 通知公告 and 新闻动态, written as a district office writes them (the work the
 * seed reports describe: the plenary session, the consultation topics, the Members' Home, a studio),
 * published by 办公室 through the same commands as in the product.
 */
const posts = [
  { kind: 'notice', title: '关于公开征集2027年度协商议题的公告', summary: '即日起至2027年1月31日，面向社会公开征集年度协商议题。',
    body: '为深入推进协商民主广泛多层制度化发展，提高协商议题的针对性，区政协即日起面向社会公开征集2027年度协商议题。\n\n征集范围：围绕全区经济社会发展中的重点难点问题，以及群众普遍关心的教育、医疗、养老、交通等民生问题。\n\n征集方式：通过本门户“群众出题”栏目在线提交，或来信寄至区政协办公室。每条建议请写明题目和理由。\n\n截止时间：2027年1月31日。' },
  { kind: 'notice', title: '关于开展“主席接待日”活动的通知', summary: '每月第二个星期四上午，区政协主席在委员之家接待委员和群众来访。',
    body: '为畅通委员和群众反映意见建议的渠道，区政协每月第二个星期四上午在委员之家开展“主席接待日”活动，由区政协主席、副主席轮流接待。\n\n接待地点：区委员之家（龙城街道）。\n\n委员和群众可就经济社会发展和民生问题提出意见建议，接待情况将整理转化为提案或社情民意信息。' },
  { kind: 'news', title: '区政协召开教育资源均衡配置专题协商会', summary: '委员与区教育局、区发展改革局面对面协商，提出意见建议12条。',
    body: '日前，区政协召开“推进义务教育优质均衡发展”专题协商会。区政协委员、专家学者和区教育局、区发展改革局负责同志参加会议。\n\n会上，委员们围绕学位供给、教师队伍建设、集团化办学等问题建言献策，共提出意见建议12条。\n\n区教育局表示，将认真研究吸纳委员的意见建议，并按期反馈办理情况。' },
  { kind: 'news', title: '委员工作室开展“送法进社区”活动', summary: '法律界委员为居民提供免费法律咨询60余人次。',
    body: '近日，区政协法律界委员工作室走进布吉街道社区，开展“送法进社区”公益活动。\n\n活动中，委员们围绕劳动争议、婚姻家庭、物业纠纷等群众关心的问题，现场提供免费法律咨询60余人次，收集意见建议8条。\n\n委员工作室将持续开展活动，把委员履职延伸到群众身边。' },
] as const;

export async function seedDemoNews(database: Database): Promise<void> {
  const [office] = await database.db.select().from(users).where(eq(users.username, 'office'));
  const now = new Date();
  const ctx = { database, actor: toActor(office), today: chinaToday(now), now };
  for (const p of posts) {
    const draft = await createPost(ctx, { ...p });
    await publishPost(ctx, { id: draft.id, version: draft.version, now });
  }
}
