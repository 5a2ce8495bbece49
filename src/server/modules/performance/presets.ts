import { attendanceKinds } from './kinds.js';
import { rulesSchema, type ScoringRules } from '../../../shared/performance/rules.js';

const meetingKinds = ['plenary', 'standingCommittee', 'chairs', 'specialCommittee'] as const;
const activityDays = ['activityDay', 'reading', 'training', 'inspection', 'research', 'forum', 'consultation'] as const;
const notPlenary = ['standingCommittee', 'chairs', 'specialCommittee', ...activityDays] as const;
const standing = ['chair', 'viceChair', 'secretaryGeneral', 'standingMember'];

/**
 * Jinan 2015 (RULES.md): 70 base + up to 50 bonus; minimum "三个一" (1 plenary, 1 proposal or
 * report, 1 inspection or research); unexcused plenary absence −30, excused −10; each extra filed
 * proposal +5, key +5, outstanding +10; public-service activity +2 each, cap 10; ≥85 excellent,
 * 60–84 competent, <60 not competent → talk with the sector convener, two years running → talk
 * with the committee. Deductions are outside the bonus cap.
 */
export const jinan2015: ScoringRules = rulesSchema.parse({
  name: '济南市政协委员履职考核（2015）',
  source: '济南 2015：基础分70分，加分最高50分',
  base: 70,
  items: [
    { key: 'filedExtra', label: '立案提案（第一件为基本要求，其后每件）', kinds: ['proposal.filed'], points: 5, unit: 'piece', skipFirst: 1, category: 'bonus' },
    { key: 'key', label: '重点提案', kinds: ['proposal.key'], points: 5, unit: 'piece', category: 'bonus' },
    { key: 'excellent', label: '优秀提案', kinds: ['proposal.excellent'], points: 10, unit: 'piece', category: 'bonus' },
    { key: 'publicService', label: '参加公益活动', kinds: ['outreach.publicService'], points: 2, unit: 'time', cap: 10, category: 'bonus' },
    { key: 'plenaryAbsent', label: '无故缺席全体会议', kinds: attendanceKinds(['plenary'], ['absent', 'leaveRefused']), points: -30, unit: 'time', category: 'deduction' },
    { key: 'plenaryExcused', label: '请假缺席全体会议', kinds: attendanceKinds(['plenary'], ['excused']), points: -10, unit: 'time', category: 'deduction' },
  ],
  categories: [
    { key: 'bonus', label: '加分', cap: 50 },
    { key: 'deduction', label: '减分' },
  ],
  grades: [
    // 三个一 is the minimum: who misses it is not competent, whatever the points
    { key: 'excellent', label: '优秀', min: 85, commend: true, requiresQuotas: true },
    { key: 'competent', label: '称职', min: 60, requiresQuotas: true },
    { key: 'notCompetent', label: '不称职', min: -10000, talk: true, escalateAfterYears: 2 },
  ],
  quotas: [
    { key: 'plenary', label: '出席全体会议', kinds: attendanceKinds(['plenary'], ['attended']), min: 1 },
    { key: 'proposalOrReport', label: '提交提案或社情民意信息', kinds: ['proposal.submitted', 'proposal.cosigned', 'opinion.submitted'], min: 1 },
    { key: 'inspectionOrResearch', label: '参加视察或调研', kinds: attendanceKinds(['inspection', 'research'], ['attended']), min: 1 },
  ],
});

/**
 * Tongcheng 2019 (RULES.md): 100 points, pass 60. Meetings 50 (an excused absence scores 30, an
 * unexcused one 0); proposals 25 (10 for submitting, +15 if filed; joint: the first proposer half,
 * the others share the rest); activities 10 (2 each; a plenary speech 5 — the rule names written
 * speeches, an oral one is counted the same); opinion reports 15 (10 each, +5 if adopted).
 */
export const tongcheng2019: ScoringRules = rulesSchema.parse({
  name: '桐城市政协委员履职考核（2019）',
  source: '桐城 2019：满分100分，60分合格',
  base: 0,
  maxTotal: 100,
  items: [
    { key: 'proposalSubmitted', label: '提交提案', kinds: ['proposal.submitted', 'proposal.cosigned'], points: 10, unit: 'piece', split: { leadShare: 0.5 }, category: 'proposals' },
    { key: 'proposalFiled', label: '提案立案', kinds: ['proposal.filed'], points: 15, unit: 'piece', split: { leadShare: 0.5 }, category: 'proposals' },
    { key: 'activity', label: '参加活动', kinds: attendanceKinds([...activityDays], ['attended']), points: 2, unit: 'time', category: 'activities' },
    { key: 'speech', label: '大会发言', kinds: ['speech.written', 'speech.oral'], points: 5, unit: 'piece', category: 'activities' },
    { key: 'opinion', label: '报送社情民意信息', kinds: ['opinion.submitted'], points: 10, unit: 'piece', category: 'opinions' },
    { key: 'opinionAdopted', label: '社情民意信息被采用', kinds: ['opinion.adopted'], points: 5, unit: 'piece', category: 'opinions' },
  ],
  categories: [
    {
      key: 'meetings', label: '参加会议', tiers: [
        { label: '无故缺席', anyOf: attendanceKinds([...meetingKinds], ['absent', 'leaveRefused']), score: 0 },
        { label: '请假缺席', anyOf: attendanceKinds([...meetingKinds], ['excused']), score: 30 },
        { label: '全勤', anyOf: attendanceKinds([...meetingKinds], ['attended']), score: 50 },
      ], otherwise: 0,
    },
    { key: 'proposals', label: '提案', cap: 25 },
    { key: 'activities', label: '参加活动', cap: 10 },
    { key: 'opinions', label: '社情民意信息', cap: 15 },
  ],
  grades: [
    { key: 'pass', label: '合格', min: 60 },
    { key: 'fail', label: '不合格', min: -10000, talk: true },
  ],
});

/** Minhang (RULES.md): plenary 5 per half-day; each activity 5; proposal lead 15 / contributor 3; key +15/+3; outstanding +10/+2. */
export const minhang: ScoringRules = rulesSchema.parse({
  name: '闵行区政协委员履职积分',
  source: '闵行：全体会议每半天5分，活动每次5分，提案主笔15分/参与3分',
  items: [
    { key: 'plenary', label: '出席全体会议', kinds: attendanceKinds(['plenary'], ['attended']), points: 5, unit: 'halfDay' },
    { key: 'activity', label: '参加会议活动', kinds: attendanceKinds([...notPlenary], ['attended']), points: 5, unit: 'time' },
    { key: 'proposalLead', label: '提案（主笔）', kinds: ['proposal.filed'], part: 'lead', points: 15, unit: 'piece' },
    { key: 'proposalContributor', label: '提案（参与）', kinds: ['proposal.filed'], part: 'contributor', points: 3, unit: 'piece' },
    { key: 'keyLead', label: '重点提案（主笔）', kinds: ['proposal.key'], part: 'lead', points: 15, unit: 'piece' },
    { key: 'keyContributor', label: '重点提案（参与）', kinds: ['proposal.key'], part: 'contributor', points: 3, unit: 'piece' },
    { key: 'excellentLead', label: '优秀提案（主笔）', kinds: ['proposal.excellent'], part: 'lead', points: 10, unit: 'piece' },
    { key: 'excellentContributor', label: '优秀提案（参与）', kinds: ['proposal.excellent'], part: 'contributor', points: 2, unit: 'piece' },
  ],
  commendTop: 10,
});

/**
 * The default of a new committee, one scheme that counts every kind of work the product records:
 * meetings and activities (Minhang: 5 per plenary half-day and per activity; the attendance
 * deductions of a real system — leave −1, absent or leave refused −2), proposals (Minhang: lead 15 /
 * contributor 3, key +15/+3, outstanding +10/+2), 社情民意 (Yanbian: submitted, each adoption and
 * each leader's instruction +10), plenary speeches, consultation (a topic adopted into the plan, a
 * speech at a consultation, a written opinion — scored like Minhang's activity and Tongcheng's
 * written speech) and supervision (a place in a supervision group, a suggestion the office signed,
 * a 民主评议 questionnaire filled;
 * no real scheme names them, so these are defaults an admin is expected to tune), livelihood
 * councils, practical deeds, livelihood requests seen through to the end (3 each, like a council), paired contacts and public service. The yearly minimum is the Shangzhou seed's (≥1 proposal, ≥2 opinion
 * reports, ≥2 livelihood councils, ≥2 deeds, ≥3 paired contacts); who misses it, or is asked to
 * resign (Shandong/Weihai: absent from 3 plenaries in a term, a standing member from 7
 * standing-committee meetings), is graded 不合格 and listed to talk to; 优秀 needs the minimum too.
 */
export const defaultRules: ScoringRules = rulesSchema.parse({
  name: '政协委员履职积分考核办法',
  source: '本系统默认办法：计分参照闵行积分办法与延边社情民意计分，年度基本要求参照商州，劝辞参照山东、威海规定',
  items: [
    { key: 'plenary', label: '出席全体会议', kinds: attendanceKinds(['plenary'], ['attended']), points: 5, unit: 'halfDay', category: 'meetings' },
    { key: 'activity', label: '参加会议活动', kinds: attendanceKinds([...notPlenary], ['attended']), points: 5, unit: 'time', category: 'meetings' },
    { key: 'excused', label: '请假（须出席的会议活动）', kinds: attendanceKinds([...meetingKinds, ...activityDays], ['excused']), points: -1, unit: 'time', category: 'meetings' },
    { key: 'unexcused', label: '缺席或请假未准（须出席的会议活动）', kinds: attendanceKinds([...meetingKinds, ...activityDays], ['absent', 'leaveRefused']), points: -2, unit: 'time', category: 'meetings' },
    { key: 'proposalLead', label: '立案提案（第一提案人）', kinds: ['proposal.filed'], part: 'lead', points: 15, unit: 'piece', category: 'proposals' },
    { key: 'proposalContributor', label: '立案提案（联名）', kinds: ['proposal.filed'], part: 'contributor', points: 3, unit: 'piece', category: 'proposals' },
    { key: 'keyLead', label: '重点提案（第一提案人）', kinds: ['proposal.key'], part: 'lead', points: 15, unit: 'piece', category: 'proposals' },
    { key: 'keyContributor', label: '重点提案（联名）', kinds: ['proposal.key'], part: 'contributor', points: 3, unit: 'piece', category: 'proposals' },
    { key: 'excellentLead', label: '优秀提案（第一提案人）', kinds: ['proposal.excellent'], part: 'lead', points: 10, unit: 'piece', category: 'proposals' },
    { key: 'excellentContributor', label: '优秀提案（联名）', kinds: ['proposal.excellent'], part: 'contributor', points: 2, unit: 'piece', category: 'proposals' },
    { key: 'opinion', label: '报送社情民意信息', kinds: ['opinion.submitted'], points: 2, unit: 'piece', category: 'opinions' },
    { key: 'opinionAdopted', label: '社情民意信息被采用（每级每次）', kinds: ['opinion.adopted'], points: 10, unit: 'piece', category: 'opinions' },
    { key: 'opinionInstructed', label: '社情民意信息获领导批示', kinds: ['opinion.instructed'], points: 10, unit: 'piece', category: 'opinions' },
    { key: 'speechOral', label: '大会口头发言', kinds: ['speech.oral'], points: 10, unit: 'piece', category: 'speeches' },
    { key: 'speechWritten', label: '大会书面发言', kinds: ['speech.written'], points: 5, unit: 'piece', category: 'speeches' },
    { key: 'council', label: '参加民生议事会', kinds: ['consultation.council'], points: 3, unit: 'time', category: 'outreach' },
    { key: 'homeDuty', label: '委员之家值班接待', kinds: ['home.duty'], points: 3, unit: 'time', category: 'outreach' },
    { key: 'homeConverted', label: '委员之家收集的建议转化为提案或社情民意信息', kinds: ['home.converted'], points: 3, unit: 'piece', category: 'outreach' },
    { key: 'topicAdopted', label: '协商选题被列入年度协商计划', kinds: ['consultation.topicAdopted'], points: 5, unit: 'piece', category: 'consultation' },
    { key: 'consultationSpeech', label: '协商会上发言', kinds: ['consultation.speech'], points: 5, unit: 'piece', category: 'consultation' },
    { key: 'consultationWritten', label: '提交协商书面意见', kinds: ['consultation.writtenOpinion'], points: 3, unit: 'piece', category: 'consultation' },
    // 网络议政: a published post or reply; capped so volume does not outweigh a considered written opinion
    { key: 'roomPost', label: '网络议政发言', kinds: ['consultation.roomPost'], points: 1, unit: 'piece', cap: 10, category: 'consultation' },
    { key: 'supervisionMember', label: '参加民主监督小组', kinds: ['supervision.member'], points: 5, unit: 'time', category: 'supervision' },
    { key: 'supervisionSuggestion', label: '起草监督建议（经办公室签发）', kinds: ['supervision.suggestion'], points: 10, unit: 'piece', category: 'supervision' },
    { key: 'evaluationQuestionnaire', label: '填写民主评议问卷', kinds: ['evaluation.questionnaire'], points: 2, unit: 'time', category: 'supervision' },
    { key: 'researchMember', label: '参加调研视察组', kinds: ['research.member'], points: 5, unit: 'time', category: 'research' },
    { key: 'researchReportLead', label: '调研报告定稿（组长）', kinds: ['research.report'], part: 'lead', points: 10, unit: 'piece', category: 'research' },
    { key: 'researchReportMember', label: '调研报告定稿（组员）', kinds: ['research.report'], part: 'contributor', points: 5, unit: 'piece', category: 'research' },
    { key: 'deed', label: '为群众办实事', kinds: ['outreach.deed'], points: 5, unit: 'item', category: 'outreach' },
    { key: 'request', label: '办结群众民生诉求', kinds: ['request.handled'], points: 3, unit: 'item', category: 'outreach' },
    // 线上咨询: one answer is lighter work than a request seen through, and capped like a contact
    { key: 'studioAnswer', label: '答复委员工作室线上咨询', kinds: ['studio.answered'], points: 1, unit: 'piece', cap: 10, category: 'outreach' },
    { key: 'contact', label: '联系界别群众', kinds: ['outreach.contact'], points: 1, unit: 'time', cap: 12, category: 'outreach' },
    { key: 'publicService', label: '参加公益活动', kinds: ['outreach.publicService'], points: 2, unit: 'time', cap: 10, category: 'outreach' },
    // 学习: light, but counted — small points, each capped for the year (an admin tunes them)
    { key: 'learningDaily', label: '每日一学（已学）', kinds: ['learning.daily'], points: 1, unit: 'time', cap: 10, category: 'learning' },
    { key: 'learningReading', label: '书香政协读书打卡', kinds: ['learning.reading'], points: 1, unit: 'time', cap: 10, category: 'learning' },
    { key: 'learningNote', label: '书香政协优秀读书心得', kinds: ['learning.note'], points: 2, unit: 'piece', cap: 10, category: 'learning' },
  ],
  categories: [
    { key: 'meetings', label: '会议活动' },
    { key: 'proposals', label: '提案' },
    { key: 'opinions', label: '社情民意' },
    { key: 'speeches', label: '大会发言' },
    { key: 'consultation', label: '协商议政' },
    { key: 'supervision', label: '民主监督' },
    { key: 'research', label: '调研视察' },
    { key: 'outreach', label: '联系群众' },
    { key: 'learning', label: '学习培训' },
  ],
  grades: [
    { key: 'excellent', label: '优秀', min: 100, commend: true, requiresQuotas: true },
    { key: 'pass', label: '合格', min: -10000, requiresQuotas: true },
    { key: 'fail', label: '不合格', min: -10000, talk: true },
  ],
  quotas: [
    { key: 'proposal', label: '提交提案', kinds: ['proposal.submitted', 'proposal.cosigned'], min: 1 },
    { key: 'opinion', label: '报送社情民意信息', kinds: ['opinion.submitted'], min: 2 },
    { key: 'council', label: '参加民生议事会', kinds: ['consultation.council'], min: 2 },
    { key: 'deed', label: '为群众办实事', kinds: ['outreach.deed'], min: 2 },
    { key: 'contact', label: '结对联系界别群众', kinds: ['outreach.contact'], min: 3 },
  ],
  sanctions: [
    { key: 'plenaryAbsences', label: '一届内缺席全体会议3次', kinds: attendanceKinds(['plenary'], ['absent', 'leaveRefused']), count: 3, scope: 'term', action: 'resign' },
    { key: 'standingAbsences', label: '常委一届内缺席常委会议7次', kinds: attendanceKinds(['standingCommittee'], ['absent', 'leaveRefused']), count: 7, scope: 'term', positions: standing, action: 'resign' },
  ],
});

export const presets = { default: defaultRules, jinan2015, tongcheng2019, minhang } as const;
export type PresetKey = keyof typeof presets;
