import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import type { Actor } from '../platform/auth/actor.js';
import { units } from '../modules/org/schema.js';
import { createTopic, publishYear } from '../modules/proposals/topics/commands.js';
import { publishedTopicsFor, topicYear } from '../modules/proposals/topics/queries.js';

/**
 * 《提案参考选题》 of the demo district's current year: what a district proposal office drafts from the
 * party committee's priorities and the themes members wrote on before (the Jiangsu 2019 list's
 * categories: industry, finance, education, health, ecology, grassroots governance …), each with
 * why it matters and, where one department mainly answers for it, that unit.
 */
const topics: { category: string; title: string; explanation: string; unit?: string }[] = [
  { category: '经济发展', title: '优化营商环境，激发民营经济活力', explanation: '围绕企业开办、融资、用地和政务服务中的堵点，提出可操作的改进措施。', unit: '区发展改革局' },
  { category: '经济发展', title: '推动数字经济与实体经济深度融合', explanation: '聚焦中小企业数字化转型的成本和人才瓶颈，提出扶持路径。', unit: '区工业和信息化局' },
  { category: '工业商贸', title: '促进制造业高端化、智能化、绿色化发展', explanation: '针对传统制造企业技术改造和园区升级，提出政策和服务建议。', unit: '区工业和信息化局' },
  { category: '工业商贸', title: '提振消费，培育商圈和夜间经济', explanation: '围绕重点商圈提升、社区商业和消费新场景建设建言。' },
  { category: '财税金融', title: '破解中小微企业融资难融资贵', explanation: '研究政府性融资担保、供应链金融和信用贷款的落地问题。', unit: '区财政局' },
  { category: '财税金融', title: '防范化解基层财政运行风险', explanation: '关注“三保”支出保障和政府债务管理，提出开源节流的办法。' },
  { category: '农林水利', title: '加强河湖水环境综合治理', explanation: '围绕黑臭水体反弹、雨污分流和河长制落实提出建议。', unit: '区水务局' },
  { category: '农林水利', title: '提升城市防洪排涝能力', explanation: '针对汛期易涝点、排水管网老化等问题，提出系统治理措施。', unit: '区水务局' },
  { category: '城乡建设', title: '推进老旧小区改造和加装电梯', explanation: '关注改造资金筹措、居民协商和后续管理，提出长效机制建议。', unit: '区住房建设局' },
  { category: '城乡建设', title: '完善城市交通微循环，缓解停车难', explanation: '围绕学校、医院周边拥堵和社区停车位不足，提出改善办法。', unit: '龙岗交警大队' },
  { category: '城乡建设', title: '推进城市更新中的历史风貌保护', explanation: '研究城市更新项目中客家围屋等历史建筑的保护与活化利用。', unit: '区城市更新和土地整备局' },
  { category: '资源环境', title: '深化生活垃圾分类和资源化利用', explanation: '针对分类投放准确率、收运衔接和末端处理能力提出建议。', unit: '区城市管理和综合执法局' },
  { category: '资源环境', title: '打好蓝天保卫战，治理扬尘和餐饮油烟', explanation: '聚焦工地扬尘、餐饮油烟等群众反映强烈的污染问题。', unit: '市生态环境局龙岗管理局' },
  { category: '科学技术', title: '加快科技成果转化和创新平台建设', explanation: '研究高校院所成果落地、孵化载体运营和科技金融支持。', unit: '区科技创新局' },
  { category: '科学技术', title: '引进和留住高层次人才与青年人才', explanation: '围绕人才住房、子女入学和创业扶持政策的落实提出建议。' },
  { category: '教育事业', title: '扩大公办学位供给，推进义务教育优质均衡', explanation: '关注学位缺口、集团化办学和教师队伍建设。', unit: '区教育局' },
  { category: '教育事业', title: '加强中小学生心理健康教育', explanation: '研究家校社协同、专职心理教师配备和危机干预机制。', unit: '区教育局' },
  { category: '教育事业', title: '发展普惠托育服务', explanation: '针对0—3岁婴幼儿托育供给不足、收费偏高等问题提出建议。' },
  { category: '文化宣传', title: '推动公共文化服务提质增效', explanation: '围绕社区图书馆、文化馆分馆的运营和利用率提出改进办法。', unit: '区文化广电旅游体育局' },
  { category: '文化宣传', title: '挖掘客家文化资源，促进文旅融合', explanation: '研究特色文旅线路、非遗传承和文创产业发展。' },
  { category: '医卫体育', title: '推进优质医疗资源扩容下沉', explanation: '关注社区健康服务中心能力建设、分级诊疗和家庭医生签约服务。', unit: '龙岗区卫生健康局' },
  { category: '医卫体育', title: '完善全民健身公共服务体系', explanation: '围绕学校体育场地开放、社区健身设施建设和管理提出建议。', unit: '区文化广电旅游体育局' },
  { category: '社会事业', title: '完善居家社区养老服务网络', explanation: '研究长者食堂、社区嵌入式养老和失能老人照护服务。', unit: '区民政局' },
  { category: '社会事业', title: '稳就业，促进青年和困难群体就业', explanation: '关注高校毕业生、大龄失业人员就业帮扶和职业技能培训。', unit: '区人力资源局' },
  { category: '法制建设', title: '推进基层社会治理法治化', explanation: '围绕矛盾纠纷多元化解、物业纠纷和社区法律服务提出建议。', unit: '区司法局' },
  { category: '政治建设', title: '提升政务服务“一网通办”水平', explanation: '研究跨部门数据共享、办事材料精简和适老化改造。', unit: '区政务服务数据管理局' },
  { category: '统战综合', title: '发挥新的社会阶层人士在基层治理中的作用', explanation: '研究新的社会阶层人士参与社区议事和公益服务的途径。', unit: '区委统战部' },
];

/** Drafts the year's list as the proposal office and publishes it in one step (发布《提案参考选题》). */
export async function seedDemoTopics(database: Database, office: Actor, today: string, now: Date): Promise<number> {
  const year = await topicYear(database.db, office.committeeId, today);
  const unitRows = await database.db.select({ id: units.id, name: units.name }).from(units).where(eq(units.committeeId, office.committeeId));
  const ctx = { database, actor: office, today, now };
  for (const t of topics) await createTopic(ctx, { year, title: t.title, explanation: t.explanation, category: t.category, unitId: unitRows.find((u) => u.name === t.unit)?.id ?? null });
  await publishYear(ctx, { year });
  return year;
}

/**
 * The published topic of the proposal's category closest to what it says — the one its author cites
 * (found as the form finds it), or null when the category has none.
 */
export async function closestTopic(database: Database, author: Actor, today: string, p: { title: string; background: string; suggestions: string; category: string }): Promise<string | null> {
  const { items } = await publishedTopicsFor(database.db, author, { text: [p.title, p.background, p.suggestions].join('\n') }, today);
  return items.find((t) => t.category === p.category)?.id ?? null;
}
