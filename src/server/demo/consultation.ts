import { eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import type { CommandContext } from '../platform/commands/context.js';
import type { Actor, Office, Role } from '../platform/auth/actor.js';
import { users } from '../platform/auth/schema.js';
import { chinaToday } from '../platform/calendar/workdays.js';
import { specialCommittees, units } from '../modules/org/schema.js';
import { decideTopic, suggestPublicTopic, suggestTopic } from '../modules/consultation/commands/topics.js';
import { addPlanItem, createPlan, planAction } from '../modules/consultation/commands/plan.js';
import type { Plan } from '../modules/consultation/workflow.js';
import { consultationPlans } from '../modules/consultation/schema.js';
import type { ConsultationForm, TopicSource } from '../../shared/consultation/labels.js';
import { seedDemoRoom } from './consultation-room.js';
import { seedDemoCouncils } from './consultation-councils.js';
import { seedDemoHeldConsultation } from './consultation-held.js';

const actorOf = (u: typeof users.$inferSelect): Actor => ({
  userId: u.id, committeeId: u.committeeId, name: u.displayName, roles: u.roles as Role[], office: (u.office as Office) ?? null, memberId: u.memberId, unitId: u.unitId,
});

interface DemoTopic {
  /** who suggests it: a member's username, or the office for the other sources */
  by: 'member' | 'member2' | 'member3' | 'office';
  source: TopicSource;
  /** 点题单位 or the special committee's name */
  proposer?: string;
  title: string;
  reason: string;
  /** chosen for the plan: form, lead special committee, departments, month */
  plan?: { form: ConsultationForm; lead: string; units: string[]; month: number; researchFirst?: boolean };
}

/** Last year's approved plan: the "similar past topics" a new suggestion is compared with. */
const lastYear: DemoTopic[] = [
  { by: 'office', source: 'party', proposer: '区委办公室', title: '关于推进老旧小区综合整治和城市更新的协商', reason: '老旧小区基础设施老化、公共空间不足，群众改造意愿强烈，需统筹城市更新与民生改善。', plan: { form: 'standingCommittee', lead: '城建资源环境委员会', units: ['区住房建设局', '区城市更新和土地整备局'], month: 6 } },
  { by: 'office', source: 'committee', proposer: '教科文卫体委员会', title: '关于增加中小学学位供给的协商', reason: '人口持续导入，部分片区学位紧张，需加快学校建设和存量挖潜。', plan: { form: 'thematic', lead: '教科文卫体委员会', units: ['区教育局', '区建筑工务署'], month: 9 } },
  { by: 'member2', source: 'member', title: '关于龙岗河碧道建设与水环境治理的建议', reason: '龙岗河干流碧道建设推进不平衡，部分支流雨污分流不彻底，汛期仍有溢流。', plan: { form: 'counterpart', lead: '城建资源环境委员会', units: ['区水务局', '市生态环境局龙岗管理局'], month: 10 } },
];

/** This year's suggestions from the four sources; most chosen for the plan across every form. */
const thisYear: DemoTopic[] = [
  { by: 'office', source: 'party', proposer: '区政府办公室', title: '关于持续优化营商环境、支持民营经济发展的协商', reason: '区政府点题：围绕惠企政策直达快享、涉企服务“一网通办”等听取委员和企业意见。', plan: { form: 'plenary', lead: '经济委员会', units: ['区发展改革局', '区投资推广和企业服务中心', '区政务服务数据管理局'], month: 1, researchFirst: true } },
  { by: 'office', source: 'party', proposer: '区委办公室', title: '关于推动制造业高质量发展、打造先进制造业集群的协商', reason: '区委点题：新一代电子信息、智能制造集群发展面临用地、人才、配套等制约。', plan: { form: 'standingCommittee', lead: '经济委员会', units: ['区工业和信息化局', '区发展改革局', '市规划和自然资源局龙岗管理局'], month: 6 } },
  { by: 'member', source: 'member', title: '关于推进老旧小区加装电梯的协商建议', reason: '辖区大量多层住宅无电梯，老年居民出行困难，加装电梯存在业主意见难统一、审批环节多、资金分摊难等问题，建议专题协商。', plan: { form: 'thematic', lead: '城建资源环境委员会', units: ['区住房建设局', '市规划和自然资源局龙岗管理局'], month: 5 } },
  { by: 'member3', source: 'member', title: '关于发展社区嵌入式托育服务的建议', reason: '0至3岁婴幼儿托育服务供给不足、价格偏高，社区嵌入式托育点建设缺少场地和运营支持。', plan: { form: 'counterpart', lead: '教科文卫体委员会', units: ['龙岗区卫生健康局', '区教育局', '区妇联'], month: 7 } },
  { by: 'office', source: 'committee', proposer: '城建资源环境委员会', title: '关于城中村消防安全治理的网络议政', reason: '城中村“三小场所”和电动自行车充电消防隐患突出，拟通过网络议政广泛听取委员和群众意见。', plan: { form: 'online', lead: '城建资源环境委员会', units: ['龙岗区消防救援大队', '区应急管理局'], month: 3, researchFirst: false } },
  { by: 'member2', source: 'member', title: '关于优化地铁站点接驳和慢行交通的建议', reason: '部分地铁站点“最后一公里”接驳不便，非机动车停放无序，步行和骑行环境有待改善。', plan: { form: 'monthly', lead: '城建资源环境委员会', units: ['区轨道办', '龙岗交警大队', '市交通运输局龙岗管理局'], month: 4 } },
  { by: 'office', source: 'committee', proposer: '提案委员会', title: '关于重点提案“加快中小学学位建设”的办理协商', reason: '该重点提案由多名委员联名提出，拟邀请承办单位面对面协商办理方案。', plan: { form: 'proposalHandling', lead: '提案委员会', units: ['区教育局', '区建筑工务署'], month: 7 } },
  { by: 'office', source: 'committee', proposer: '社会法制民族宗教委员会', title: '关于推进矛盾纠纷多元化解的界别协商', reason: '组织法律界、社会福利和社会保障界委员，就基层矛盾纠纷多元化解机制开展界别协商。', plan: { form: 'sector', lead: '社会法制民族宗教委员会', units: ['区委政法委', '区司法局', '区信访局'], month: 9 } },
  { by: 'office', source: 'party', proposer: '区委办公室', title: '关于加快发展养老服务、推进医养结合的协商', reason: '区委点题：老龄化加快，社区养老服务设施不足，医养结合服务体系尚不完善。', plan: { form: 'thematic', lead: '社会法制民族宗教委员会', units: ['区民政局', '龙岗区卫生健康局', '市医疗保障局龙岗分局'], month: 10 } },
  { by: 'office', source: 'committee', proposer: '教科文卫体委员会', title: '关于推动文体旅融合发展的对口协商', reason: '大运中心、甘坑客家小镇等资源利用不充分，文体旅融合发展有较大空间。', plan: { form: 'counterpart', lead: '教科文卫体委员会', units: ['区文化广电旅游体育局'], month: 11 } },
  { by: 'member', source: 'member', title: '关于科技创新人才引育留用的界别协商建议', reason: '科技界委员反映，高层次人才住房、子女入学等配套服务仍有短板，青年科技人才引留难。', plan: { form: 'sector', lead: '经济委员会', units: ['区科技创新局', '区人力资源局'], month: 8 } },
  { by: 'office', source: 'public', proposer: '群众来信（坂田街道居民）', title: '关于解决坂田街道老旧小区停车难的民生议事', reason: '居民来信反映小区车位严重不足，夜间占道停车影响消防通道，希望政协牵头协商。', plan: { form: 'grassroots', lead: '城建资源环境委员会', units: ['区城市管理和综合执法局', '龙岗交警大队'], month: 4, researchFirst: false } },
  { by: 'member3', source: 'member', title: '关于推进生活垃圾分类减量的月度协商建议', reason: '垃圾分类投放点设置、厨余垃圾收运处理能力与居民需求不匹配，分类实效有待提升。', plan: { form: 'monthly', lead: '城建资源环境委员会', units: ['区城市管理和综合执法局'], month: 12 } },
  { by: 'office', source: 'committee', proposer: '城建资源环境委员会', title: '关于龙岗河流域水环境持续改善的专题协商', reason: '在往年碧道建设基础上，跟踪支流治理和汛期溢流问题，推动水环境持续改善。', plan: { form: 'thematic', lead: '城建资源环境委员会', units: ['区水务局', '市生态环境局龙岗管理局'], month: 8 } },
  { by: 'office', source: 'party', proposer: '区政府办公室', title: '关于加强食品安全社会共治的月度协商', reason: '区政府点题：校园周边、网络订餐食品安全监管需要社会各方共同参与。', plan: { form: 'monthly', lead: '社会法制民族宗教委员会', units: ['市市场监督管理局龙岗监管局', '区教育局'], month: 11 } },
  // not chosen: declined with a reason, still in the pool for next year
  { by: 'member2', source: 'member', title: '关于在各街道建设宠物友好公园的建议', reason: '养宠家庭增多，遛狗扰民、粪便污染等矛盾时有发生，建议规划宠物活动区域。' },
];

/**
 * The demo's 协商议政: last year's approved plan, this year's suggestions from the four sources (one
 * public suggestion still waiting for moderation, one member suggestion declined), and this year's
 * plan of fifteen topics across the forms, through the four reviews and approved, and one open
 * online room (网络议政) on the plan's online consultation; last year's consultation on school places
 * held and followed up by the departments (consultation-held.ts).
 */
export async function seedDemoConsultation(database: Database): Promise<void> {
  const names = ['member', 'member2', 'member3', 'office', 'leader', 'unit', 'unit2'] as const;
  const accounts = await database.db.select().from(users).where(inArray(users.username, [...names]));
  const as = (username: string) => actorOf(accounts.find((u) => u.username === username)!);
  const office = as('office');
  const leader = as('leader');
  const committeeId = office.committeeId;
  const now = new Date(); // the demo is seeded as of the machine's time
  const today = chinaToday(now);
  const ctx = (actor: Actor): CommandContext => ({ database, actor, today, now });
  const year = Number(today.slice(0, 4));
  const [committeeRows, unitRows] = await Promise.all([
    database.db.select().from(specialCommittees).where(eq(specialCommittees.committeeId, committeeId)),
    database.db.select().from(units).where(eq(units.committeeId, committeeId)),
  ]);
  const committeeIdOf = (name: string) => committeeRows.find((c) => c.name === name)!.id;
  const unitIdsOf = (list: string[]) => list.map((n) => unitRows.find((u) => u.name === n)!.id);

  async function planOf(y: number, topics: DemoTopic[]): Promise<Plan> {
    let plan = await createPlan(ctx(office), { year: y, committeeName: '龙岗区政协' });
    for (const d of topics) {
      const topic = await suggestTopic(ctx(as(d.by)), {
        source: d.source, title: d.title, reason: d.reason, year: y,
        specialCommitteeId: d.source === 'committee' ? committeeIdOf(d.proposer!) : null,
        proposerName: d.source === 'party' || d.source === 'public' ? d.proposer : null,
      });
      if (!d.plan) {
        await decideTopic(ctx(office), { id: topic.id, action: 'decline', input: { version: topic.version, feedback: '该议题宜通过提案或社情民意信息反映，暂不列入年度协商计划。' } });
        continue;
      }
      await addPlanItem(ctx(office), {
        planId: plan.id, version: plan.version, topicId: topic.id, title: d.title, form: d.plan.form, leadSpecialCommitteeId: committeeIdOf(d.plan.lead),
        unitIds: unitIdsOf(d.plan.units), month: d.plan.month, researchFirst: d.plan.researchFirst ?? true, description: d.reason,
      });
      [plan] = await database.db.select().from(consultationPlans).where(eq(consultationPlans.id, plan.id));
    }
    const steps: [Actor, 'submit' | 'passCommittee' | 'passOffice' | 'passChairs' | 'approve', string][] = [
      [office, 'submit', '经征集党政点题、政协选题、委员荐题、群众出题，形成计划草案'],
      [office, 'passCommittee', '各专委会基础审查同意'],
      [office, 'passOffice', '办公室研究审查同意'],
      [leader, 'passChairs', '主席会议协商同意'],
      [office, 'approve', '区委常委会会议审定'],
    ];
    for (const [who, action, note] of steps) plan = await planAction(ctx(who), { id: plan.id, action, version: plan.version, note });
    return plan;
  }

  await planOf(year - 1, lastYear);
  await planOf(year, thisYear);
  // 群众出题 from the portal, waiting for the office's moderation
  await suggestPublicTopic(database, committeeId, {
    title: '关于增设学校周边接送临时停车位的建议', reason: '上下学高峰家长接送车辆占道，学校周边交通拥堵，存在安全隐患，希望政协组织协商。',
    contactName: '王先生', contactPhone: '13912345678',
  }, today);
  await seedDemoRoom(database, as);
  await seedDemoCouncils(database, as);
  await seedDemoHeldConsultation(database, as);
}
