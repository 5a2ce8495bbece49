import { DatePicker, Form, Input, Radio, Select } from 'antd';
import dayjs from 'dayjs';
import { instructionLevels, ratingLabels } from '@shared/handling/labels';
import { pathTo } from '@shared/http/paths';
import { optionsOf } from '@shared/labels';
import { actionBodies, instructionBody, rateBody } from '@shared/proposals/inputs';
import { conversionTargets } from '@shared/proposals/labels';
import { proposalPaths } from '@shared/proposals/paths';
import type { ProposalDetail, ProposalOptions } from '@shared/proposals/responses';
import { api } from '../../app/api';
import { fieldRules } from '../../app/rules';
import { useProposalOptions } from './data';
import { FormModal } from '../../app/ui/FormModal';
import { toBody } from '../../app/forms';

/** The actions of a proposal that need input; plain ones (submit, withdraw, …) are confirmations. */
export type DialogAction = 'preReview' | 'reReview' | 'file' | 'reject' | 'convert' | 'return' | 'close' | 'rate' | 'instruct';

const titles: Record<DialogAction, string> = {
  preReview: '预审通过',
  reReview: '复审通过',
  file: '立案',
  reject: '不予立案',
  convert: '转为意见建议',
  return: '退回修改',
  close: '办结',
  rate: '评价办理结果',
  instruct: '领导批示',
};

const ratingOptions = optionsOf(ratingLabels);
const preReview = fieldRules(actionBodies.preReview);
const reReview = fieldRules(actionBodies.reReview);
const file = fieldRules(actionBodies.file);
const reject = fieldRules(actionBodies.reject);
const convert = fieldRules(actionBodies.convert);
const giveBack = fieldRules(actionBodies.return);
const close = fieldRules(actionBodies.close);
const rate = fieldRules(rateBody);
const instruct = fieldRules(instructionBody);

function send(action: DialogAction, p: ProposalDetail, v: Record<string, any>) {
  const version = p.version;
  switch (action) {
    case 'rate':
      return api.post(pathTo(proposalPaths.rate, { id: p.id }), { version, ...v });
    case 'instruct':
      return api.post(pathTo(proposalPaths.instructions, { id: p.id }), { ...toBody(v), leaderName: v.leaderName || undefined });
    default:
      return api.post(pathTo(proposalPaths.action, { id: p.id, action }), { version, ...v });
  }
}

function Fields({ action, options, proposal }: { action: DialogAction; options?: ProposalOptions; proposal: ProposalDetail }) {
  const attitude = Form.useWatch('attitude');
  const result = Form.useWatch('result');
  switch (action) {
    case 'preReview':
    case 'reReview':
      return (
        <Form.Item name="opinion" label={action === 'preReview' ? '预审意见' : '复审意见'} rules={action === 'preReview' ? preReview.opinion : reReview.opinion}>
          <Input.TextArea rows={3} />
        </Form.Item>
      );
    case 'file':
      return (
        <>
          <Form.Item name="category" label="类别" rules={file.category}>
            <Select allowClear options={(options?.categories ?? []).map((c) => ({ value: c, label: c }))} />
          </Form.Item>
          <Form.Item name="opinion" label="审定意见" rules={file.opinion}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </>
      );
    case 'reject':
      return (
        <>
          <Form.Item name="reasonCode" label="不予立案理由" rules={reject.reasonCode}>
            <Select options={(options?.rejectReasons ?? []).map((r) => ({ value: r.code, label: r.text }))} />
          </Form.Item>
          <Form.Item name="reason" label="补充说明（将告知提案人）" rules={reject.reason}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </>
      );
    case 'convert':
      return (
        <>
          <Form.Item name="to" label="转为" rules={convert.to}>
            <Radio.Group options={optionsOf(conversionTargets)} />
          </Form.Item>
          <Form.Item name="reason" label="转办说明" rules={convert.reason}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </>
      );
    case 'return':
      return (
        <Form.Item name="reason" label="退回理由（请说明如何修改）" rules={giveBack.reason}>
          <Input.TextArea rows={3} />
        </Form.Item>
      );
    case 'close':
      return (
        <Form.Item
          name="reason"
          label="办结说明"
          rules={close.reason}
          extra={proposal.handlingRound >= 2 ? '二次办理后经当面沟通或书面说明，可予办结' : `提案人未在${proposal.rateDeadline ?? ''}前评价，可予办结`}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      );
    case 'rate':
      return (
        <>
          <Form.Item name="attitude" label="办理态度" rules={rate.attitude}>
            <Radio.Group options={ratingOptions} />
          </Form.Item>
          <Form.Item name="result" label="办理结果" rules={rate.result}>
            <Radio.Group options={ratingOptions} />
          </Form.Item>
          <Form.Item
            name="comment"
            label="评价意见"
            rules={[...rate.comment, { required: attitude === 'unsatisfied' || result === 'unsatisfied', message: '评价为不满意时请说明理由' }]}
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
    case 'instruct':
      return (
        <>
          <Form.Item name="level" label="批示层级" rules={instruct.level}>
            <Select options={optionsOf(instructionLevels)} />
          </Form.Item>
          <Form.Item name="text" label="批示内容" rules={instruct.text}>
            <Input.TextArea rows={4} />
          </Form.Item>
          <Form.Item name="instructedOn" label="批示日期" rules={instruct.instructedOn}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="leaderName" label="批示领导" extra="不填即为本人" rules={instruct.leaderName}>
            <Input />
          </Form.Item>
        </>
      );
  }
}

/** One dialog for every proposal action that needs input; the server re-checks each. */
export function ActionDialog({ action, proposal, onClose, onSaved }: { action: DialogAction | null; proposal: ProposalDetail; onClose(): void; onSaved(): void }) {
  const { data: options } = useProposalOptions();
  const initial = action === 'instruct' ? { level: 'district', instructedOn: dayjs().startOf('day') } : action === 'file' ? { category: proposal.category } : {};
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
