import { DatePicker, Form, Input, InputNumber, Select, Switch } from 'antd';
import dayjs from 'dayjs';
import { campaignInput } from '@shared/evaluation/inputs';
import { campaignPhases } from '@shared/evaluation/labels';
import { evaluationPaths } from '@shared/evaluation/paths';
import type { CampaignDetail } from '@shared/evaluation/responses';
import { pathTo } from '@shared/http/paths';
import { api } from '../../app/api';
import { fieldRules } from '../../app/rules';
import { FormModal } from '../../app/ui/FormModal';
import { MemberPicker } from '../members/MemberPicker';
import { useOrgOptions } from '../org/useOrgOptions';

const rules = fieldRules(campaignInput);
const phaseKeys = Object.keys(campaignPhases) as (keyof typeof campaignPhases)[];

/** Plans the phases of a year one after another (准备 in March … 回头看 in December), to adjust. */
const defaultPhases = (year: number) => {
  const months: [number, number][] = [[3, 3], [4, 5], [6, 6], [7, 11], [12, 12]];
  return Object.fromEntries(phaseKeys.map((k, n) => [k, [dayjs(`${year}-${String(months[n][0]).padStart(2, '0')}-01`), dayjs(`${year}-${String(months[n][1]).padStart(2, '0')}-01`).endOf('month')]]));
};

interface Props {
  open: boolean;
  campaign: CampaignDetail | null;
  onClose(): void;
  onSaved(c: CampaignDetail): void;
}

/**
 * A campaign's departments, invited members and phase dates (the office's form). The departments
 * can change only before the chairs' meeting proposes them; the indicators come from the setting.
 */
export function CampaignForm({ open, campaign, onClose, onSaved }: Props) {
  const { options } = useOrgOptions(['units']);
  const year = campaign?.year ?? dayjs().year();
  const initial = campaign
    ? { year: campaign.year, title: campaign.title, unitIds: campaign.departments.map((d) => d.unitId), invitedMemberIds: campaign.invitedMembers.map((m) => m.id), publicOpen: campaign.publicOpen, ...Object.fromEntries(phaseKeys.map((k) => [k, [dayjs(campaign.phases[k].from), dayjs(campaign.phases[k].to)]])) }
    : { year, title: `${year}年度政协委员民主评议部门工作`, unitIds: [], invitedMemberIds: [], publicOpen: false, ...defaultPhases(year) };
  const save = (v: Record<string, any>) => {
    const body = {
      year: v.year, title: v.title, invitedMemberIds: v.invitedMemberIds, publicOpen: !!v.publicOpen,
      ...(!campaign || campaign.status === 'draft' ? { unitIds: v.unitIds } : {}),
      phases: Object.fromEntries(phaseKeys.map((k) => [k, { from: v[k][0].format('YYYY-MM-DD'), to: v[k][1].format('YYYY-MM-DD') }])),
    };
    return campaign ? api.patch<CampaignDetail>(pathTo(evaluationPaths.campaign, { id: campaign.id }), { ...body, version: campaign.version }) : api.post<CampaignDetail>(evaluationPaths.campaigns, body);
  };
  return (
    <FormModal name="campaign" open={open} title={campaign ? '修改评议活动' : '新建民主评议活动'} width={760} initialValues={initial} save={save} onSaved={onSaved} onClose={onClose}>
      <Form.Item name="title" label="活动名称" rules={rules.title}><Input data-testid="campaign-title" /></Form.Item>
      <Form.Item name="year" label="年度" rules={rules.year}><InputNumber min={2000} max={2100} /></Form.Item>
      <Form.Item name="unitIds" label="评议部门" rules={rules.unitIds} extra="由主席会议提出、党委批准；提出后不能再调整">
        <Select mode="multiple" disabled={!!campaign && campaign.status !== 'draft'} showSearch={{ optionFilterProp: 'label' }} options={options.units} data-testid="campaign-units" />
      </Form.Item>
      <Form.Item name="invitedMemberIds" label="参评委员" rules={rules.invitedMemberIds}>
        <MemberPicker multiple known={campaign?.invitedMembers.map((m) => ({ value: m.id, label: m.name })) ?? []} data-testid="campaign-members" />
      </Form.Item>
      <Form.Item name="publicOpen" label="向社会公众开放问卷" valuePropName="checked" extra="调查走访阶段的日期内，群众可在公开门户填写问卷（每台设备每个部门一次），与委员、特邀群众代表的意见分别统计、按权重合成">
        <Switch aria-label="向社会公众开放问卷" data-testid="campaign-public" />
      </Form.Item>
      {phaseKeys.map((k) => (
        <Form.Item key={k} name={k} label={`${campaignPhases[k]}阶段`} rules={[{ required: true, message: `${campaignPhases[k]}阶段：必填` }]}>
          <DatePicker.RangePicker />
        </Form.Item>
      ))}
    </FormModal>
  );
}
