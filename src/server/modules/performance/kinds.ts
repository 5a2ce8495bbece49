import { activityKinds, outcomeLabels, ledgerKindOf, type ActivityKind } from '../../platform/activity/kinds.js';
import { levels } from '../opinions/workflow.js';

/**
 * The ledger kinds the presets count, with Chinese names. Modules that write ledger entries use
 * these names; a committee can count any other kind by naming it in its rules.
 */
const fixed: Record<string, string> = {
  'proposal.submitted': '提交提案（第一提案人）',
  'proposal.cosigned': '联名提案',
  'proposal.filed': '提案立案',
  'proposal.key': '重点提案',
  'proposal.excellent': '优秀提案',
  'opinion.submitted': '报送社情民意信息',
  'opinion.adopted': '社情民意信息被采用',
  'opinion.instructed': '社情民意信息获领导批示',
  'speech.oral': '大会口头发言',
  'speech.written': '大会书面发言',
  'consultation.council': '参加民生议事会（基层协商）',
  'consultation.topicAdopted': '协商选题被列入年度协商计划',
  'consultation.speech': '协商会上发言',
  'consultation.writtenOpinion': '提交协商书面意见',
  'consultation.roomPost': '网络议政发言',
  'outreach.deed': '为群众办实事',
  'request.handled': '办结群众民生诉求',
  'studio.answered': '答复委员工作室线上咨询',
  'home.duty': '委员之家值班接待',
  'home.converted': '委员之家建议转化为提案或社情民意信息',
  'outreach.contact': '结对联系界别群众',
  'outreach.publicService': '参加公益活动',
  'supervision.member': '参加民主监督小组',
  'supervision.suggestion': '起草监督建议（经办公室签发）',
  'evaluation.questionnaire': '填写民主评议问卷',
  'research.member': '参加调研视察组',
  'research.report': '调研报告定稿（调研组成员）',
  'learning.daily': '每日一学（已学）',
  'learning.reading': '书香政协读书打卡',
  'learning.note': '书香政协优秀读书心得',
};

const activityKindLabels = Object.fromEntries(
  (Object.keys(activityKinds) as ActivityKind[]).flatMap((k) =>
    (['attended', 'excused', 'absent', 'leaveRefused'] as const).map((o) => [ledgerKindOf(k, o), `${activityKinds[k]}·${outcomeLabels[o]}`]),
  ),
);

export const ledgerKindLabels: Record<string, string> = { ...fixed, ...activityKindLabels };
export const kindLabel = (kind: string) => ledgerKindLabels[kind] ?? kind;

/** Where the record that earned an entry is shown in the web client. */
export function sourceLink(sourceType: string, sourceId: string): string {
  switch (sourceType) {
    case 'proposal':
      return `/proposals/${sourceId}`;
    case 'activity':
      return `/meetings/${sourceId}`;
    case 'plenarySpeech':
      return `/meetings/speeches/${sourceId}`;
    case 'opinion':
      return `/opinions/${sourceId}`;
    case 'supervisionGroup':
      return '/supervision/groups';
    case 'supervisionSuggestion':
      return `/supervision/suggestions/${sourceId}`;
    case 'evaluationCampaign':
      return `/evaluation/campaigns/${sourceId}`;
    case 'livelihoodRequest':
      return `/requests/${sourceId}`;
    case 'consultationTopic':
      return '/consultation/topics';
    case 'researchTopic':
      return `/research/topics/${sourceId}`;
    case 'consultation':
      return `/consultation/consultations/${sourceId}`;
    // a post's room is not in its id: the rooms list, as a topic's entry opens the topics list
    case 'consultationRoomPost':
      return '/consultation/rooms';
    // 基层协商 (the 联系群众 livelihood councils moved there with their ids and entries)
    case 'consultationCouncil':
      return `/consultation/councils/${sourceId}`;
    // 联系群众: the member's page, on the tab of the record's kind
    case 'outreachContact':
      return '/outreach?tab=contacts';
    case 'outreachDeed':
      return '/outreach?tab=deeds';
    case 'outreachService':
      return '/outreach?tab=services';
    // 线上咨询 has no page of its own: the studio's list of questions
    case 'studioQuestion':
      return '/studios/questions';
    case 'homeDuty':
      return `/members-home/duties/${sourceId}`;
    case 'learningItem':
      return `/learning/items/${sourceId}`;
    case 'readingGroup':
      return `/learning/groups/${sourceId}`;
    default:
      return `/${sourceType}s/${sourceId}`;
  }
}

/** The attendance kinds of some event kinds and outcomes, e.g. every absence from a meeting. */
export const attendanceKinds = (kinds: ActivityKind[], outcomes: ('attended' | 'excused' | 'absent' | 'leaveRefused')[]) =>
  kinds.flatMap((k) => outcomes.map((o) => ledgerKindOf(k, o)));

/** An entry's note as people read it: opinion entries note the level that adopted or instructed (district → 区级). */
export const noteLabel = (kind: string, note: string | null | undefined): string | null =>
  note ? (kind.startsWith('opinion.') && note in levels ? `${levels[note as keyof typeof levels]}` : note) : null;
