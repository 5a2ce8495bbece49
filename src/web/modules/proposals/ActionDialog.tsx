import { DatePicker, Form, Input, Radio, Select, Switch } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../app/api';
import { useRemote } from '../../app/useRemote';
import { FormModal } from '../../app/ui/FormModal';
import { levelLabels, type ProposalDetail, type ProposalOptions } from './types';
import { toOptions } from '../../app/labels';
import { toBody } from '../../app/forms';

/** The actions of a proposal that need input; plain ones (submit, withdraw, …) are confirmations. */
export type DialogAction = 'preReview' | 'reReview' | 'file' | 'reject' | 'convert' | 'return' | 'close' | 'rate' | 'markKey' | 'instruct';

const titles: Record<DialogAction, string> = {
  preReview: '预审通过',
  reReview: '复审通过',
  file: '立案',
  reject: '不予立案',
  convert: '转为意见建议',
  return: '退回修改',
  close: '办结',
  rate: '评价办理结果',
  markKey: '重点提案与优秀提案',
  instruct: '领导批示',
};

const ratingOptions = [
  { value: 'satisfied', label: '满意' },
  { value: 'basically', label: '基本满意' },
  { value: 'unsatisfied', label: '不满意' },
];

function send(action: DialogAction, p: ProposalDetail, v: Record<string, any>) {
  const version = p.version;
  switch (action) {
    case 'rate':
      return api.post(`/proposals/${p.id}/rate`, { version, ...v });
    case 'markKey':
      return api.post(`/proposals/${p.id}/key`, { version, isKey: v.isKey, leaderUserId: v.isKey ? v.leaderUserId ?? null : null, isExcellent: v.isExcellent });
    case 'instruct':
      return api.post(`/proposals/${p.id}/instructions`, { ...toBody(v), leaderName: v.leaderName || undefined });
    default:
      return api.post(`/proposals/${p.id}/actions/${action}`, { version, ...v });
  }
}

function Leaders() {
  const { data } = useRemote(() => api.get<{ items: { id: string; displayName: string }[] }>('/proposals/leaders'), []);
  return <Select allowClear options={(data?.items ?? []).map((l) => ({ value: l.id, label: l.displayName }))} />;
}

function Fields({ action, options, proposal }: { action: DialogAction; options?: ProposalOptions; proposal: ProposalDetail }) {
  const attitude = Form.useWatch('attitude');
  const result = Form.useWatch('result');
  const isKey = Form.useWatch('isKey');
  switch (action) {
    case 'preReview':
    case 'reReview':
      return (
        <Form.Item name="opinion" label={action === 'preReview' ? '预审意见' : '复审意见'} rules={[{ required: true, min: 2, message: '请填写审查意见' }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      );
    case 'file':
      return (
        <>
          <Form.Item name="category" label="类别">
            <Select allowClear options={(options?.categories ?? []).map((c) => ({ value: c, label: c }))} />
          </Form.Item>
          <Form.Item name="opinion" label="审定意见">
            <Input.TextArea rows={3} />
          </Form.Item>
        </>
      );
    case 'reject':
      return (
        <>
          <Form.Item name="reasonCode" label="不予立案理由" rules={[{ required: true, message: '请选择理由' }]}>
            <Select options={(options?.rejectReasons ?? []).map((r) => ({ value: r.code, label: r.text }))} />
          </Form.Item>
          <Form.Item name="reason" label="补充说明（将告知提案人）">
            <Input.TextArea rows={3} />
          </Form.Item>
        </>
      );
    case 'convert':
      return (
        <>
          <Form.Item name="to" label="转为" rules={[{ required: true, message: '请选择' }]}>
            <Radio.Group options={[{ value: 'suggestion', label: '意见建议' }, { value: 'opinion', label: '社情民意信息' }]} />
          </Form.Item>
          <Form.Item name="reason" label="转办说明" rules={[{ required: true, min: 2, message: '请填写说明' }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </>
      );
    case 'return':
      return (
        <Form.Item name="reason" label="退回理由（请说明如何修改）" rules={[{ required: true, min: 2, message: '请填写退回理由' }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      );
    case 'close':
      return (
        <Form.Item
          name="reason"
          label="办结说明"
          extra={proposal.handlingRound >= 2 ? '二次办理后经当面沟通或书面说明，可予办结' : `提案人未在${proposal.rateDeadline ?? ''}前评价，可予办结`}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      );
    case 'rate':
      return (
        <>
          <Form.Item name="attitude" label="办理态度" rules={[{ required: true, message: '请评价办理态度' }]}>
            <Radio.Group options={ratingOptions} />
          </Form.Item>
          <Form.Item name="result" label="办理结果" rules={[{ required: true, message: '请评价办理结果' }]}>
            <Radio.Group options={ratingOptions} />
          </Form.Item>
          <Form.Item
            name="comment"
            label="评价意见"
            rules={[{ required: attitude === 'unsatisfied' || result === 'unsatisfied', message: '评价为不满意时请说明理由' }]}
            extra={
              attitude === 'unsatisfied' || result === 'unsatisfied'
                ? proposal.handlingRound < 2
                  ? '评价为不满意的，提案将交承办单位二次办理'
                  : '本件已二次办理，评价后即办结，提案委将与您当面沟通跟进'
                : undefined
            }
          >
            <Input.TextArea rows={3} />
          </Form.Item>
        </>
      );
    case 'markKey':
      return (
        <>
          <Form.Item name="isKey" label="重点提案" valuePropName="checked">
            <Switch />
          </Form.Item>
          {isKey && (
            <Form.Item name="leaderUserId" label="领办领导">
              <Leaders />
            </Form.Item>
          )}
          <Form.Item name="isExcellent" label="优秀提案" valuePropName="checked">
            <Switch />
          </Form.Item>
        </>
      );
    case 'instruct':
      return (
        <>
          <Form.Item name="level" label="批示层级" rules={[{ required: true }]}>
            <Select options={toOptions(levelLabels)} />
          </Form.Item>
          <Form.Item name="text" label="批示内容" rules={[{ required: true, min: 2, message: '请填写批示内容' }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
          <Form.Item name="instructedOn" label="批示日期">
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="leaderName" label="批示领导" extra="不填即为本人">
            <Input maxLength={40} />
          </Form.Item>
        </>
      );
  }
}

/** One dialog for every proposal action that needs input; the server re-checks each. */
export function ActionDialog({ action, proposal, onClose, onSaved }: { action: DialogAction | null; proposal: ProposalDetail; onClose(): void; onSaved(): void }) {
  const { data: options } = useRemote(() => api.get<ProposalOptions>('/proposals/options'), []);
  const initial = action === 'markKey' ? { isKey: proposal.isKey, isExcellent: proposal.isExcellent } : action === 'instruct' ? { level: 'district', instructedOn: dayjs().startOf('day') } : action === 'file' ? { category: proposal.category } : {};
  return (
    <FormModal
      name={`proposal_${action ?? 'none'}`}
      open={!!action}
      title={action ? titles[action] : ''}
      initialValues={initial}
      save={(v) => send(action!, proposal, v)}
      onSaved={onSaved}
      onClose={onClose}
      onConflict={onSaved}
      success="已完成"
    >
      {action && <Fields action={action} options={options} proposal={proposal} />}
    </FormModal>
  );
}
