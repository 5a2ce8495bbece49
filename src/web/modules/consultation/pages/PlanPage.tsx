import { useState } from 'react';
import { Button, Checkbox, Empty, Form, Input, InputNumber, List, Select, Space, Steps, Tag, Timeline, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useParams, useNavigate } from 'react-router';
import { pathTo } from '@shared/http/paths';
import { planItemInput } from '@shared/consultation/inputs';
import { consultationPaths } from '@shared/consultation/paths';
import type { PlanDetail, TopicRow } from '@shared/consultation/responses';
import { api } from '../../../app/api';
import { downloadFile, run } from '../../../app/errors';
import { can } from '../../../app/forms';
import { useGet } from '../../../app/query';
import { fieldRules } from '../../../app/rules';
import { FormModal } from '../../../app/ui/FormModal';
import { PageCard } from '../../../app/ui/PageCard';
import { askNote } from '../actions';
import { useConsultationOptions } from '../useOptions';

const rules = fieldRules(planItemInput);
const steps: Record<string, { label: string; ask: string; required?: boolean }> = {
  submit: { label: '提交审查', ask: '提交四审（可填写说明）' },
  passCommittee: { label: '专委会基础审查通过', ask: '专委会基础审查意见' },
  passOffice: { label: '办公室研究审查通过', ask: '办公室研究审查意见' },
  passChairs: { label: '主席会议协商审查通过', ask: '主席会议协商审查意见' },
  approve: { label: '党委常委会终审通过', ask: '党委常委会审定情况（如会议名称）' },
  return: { label: '退回修改', ask: '退回修改的理由', required: true },
  revise: { label: '调整计划', ask: '调整计划的理由（调整后须重新经过四审）', required: true },
};
const order = ['draft', 'committeeReview', 'officeReview', 'chairsReview', 'partyReview', 'approved'];

/**
 * 年度协商计划: the plan's topics (form, lead special committee, departments, month, 先调研), the
 * four reviews with every decision kept, and the .docx of the approved plan.
 */
export default function PlanPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const options = useConsultationOptions();
  const { data: plan } = useGet<PlanDetail>(pathTo(consultationPaths.plan, { id }));
  const editable = can(plan, 'edit');
  // suggestions for a year's plan are gathered in that year and the one before
  const { data: pool } = useGet<{ items: TopicRow[] }>(consultationPaths.topics, { year: plan?.year, status: 'submitted' }, { enabled: editable });
  const { data: earlier } = useGet<{ items: TopicRow[] }>(consultationPaths.topics, { year: (plan?.year ?? 0) - 1, status: 'submitted' }, { enabled: editable });
  const [adding, setAdding] = useState(false);
  if (!plan) return null;

  const step = (action: string) => {
    const s = steps[action];
    return askNote(s.ask, !!s.required, (note) => api.post(pathTo(consultationPaths.planAction, { id, action }), { version: plan.version, ...(note ? { note } : {}) }));
  };
  const remove = (itemId: string) => run(() => api.post(pathTo(consultationPaths.removePlanItem, { id, itemId }), { version: plan.version }), { success: '已移出计划' });
  const current = Math.max(0, order.indexOf(plan.status) - 1);

  return (
    <PageCard
      title={plan.title}
      extra={
        <Space wrap>
          {plan.actions.filter((a) => steps[a]).map((a) => (
            <Button key={a} type={a === 'return' || a === 'revise' ? 'default' : 'primary'} danger={a === 'return'} onClick={() => step(a)} data-testid={`plan-${a}`}>{steps[a].label}</Button>
          ))}
          {can(plan, 'document') && (
            <Button icon={<DownloadOutlined />} onClick={() => downloadFile(pathTo(consultationPaths.planDocument, { id }), `${plan.title}.docx`)} data-testid="plan-document">下载计划 (.docx)</Button>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 8 }}>
        <Tag color={plan.status === 'approved' ? 'green' : 'blue'} data-testid="plan-status">{plan.statusLabel}</Tag>
        {plan.revision > 1 && <Tag>第{plan.revision}次修订</Tag>}
        {plan.approvedOn && <span>{plan.approvedOn} 批准</span>}
      </Space>
      <Steps
        size="small"
        current={plan.status === 'approved' ? 4 : plan.status === 'draft' ? -1 : current}
        items={plan.steps.map((s) => ({ title: s.label }))}
        responsive
        style={{ marginBottom: 16 }}
      />
      <Typography.Title level={2} style={{ fontSize: 18 }}>协商议题（{plan.items.length}项）</Typography.Title>
      {editable && <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} style={{ marginBottom: 8 }} data-testid="plan-add-item">列入议题</Button>}
      <List
        dataSource={plan.items}
        locale={{ emptyText: <Empty description="尚未列入议题" /> }}
        renderItem={(i) => (
          <List.Item
            data-testid="plan-item"
            actions={[
              // an item without an id is a consultation this viewer may not open
              ...(plan.status === 'approved' && i.id ? [<Button key="o" type="link" onClick={() => navigate(`/consultation/consultations/${i.id}`)} aria-label={`查看${i.title}`}>查看</Button>] : []),
              ...(editable && i.id ? [<Button key="r" size="small" onClick={() => remove(i.id!)} aria-label={`移出${i.title}`}>移出</Button>] : []),
            ]}
          >
            <List.Item.Meta
              title={<Space wrap><span>{i.month}月 · {i.title}</span><Tag>{i.formLabel}</Tag>{i.researchFirst && <Tag color="cyan">先调研后协商</Tag>}{plan.status === 'approved' && <Tag color="blue">{i.statusLabel}</Tag>}</Space>}
              description={<>牵头：{i.leadName || '—'} · 参与部门：{i.unitNames.join('、') || '—'}{i.topicSourceLabel ? ` · 来源：${i.topicSourceLabel}` : ''}</>}
            />
          </List.Item>
        )}
      />
      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 16 }}>审查记录</Typography.Title>
      <Timeline
        items={plan.reviews.map((r) => ({
          color: r.decision === 'return' ? 'red' : 'green',
          children: `${r.decidedOn} 第${r.revision}稿 · ${r.stepLabel} · ${r.decisionLabel} · ${r.byName}${r.note ? `：${r.note}` : ''}`,
        }))}
      />
      <FormModal
        name="planItem"
        open={adding}
        title="列入协商议题"
        initialValues={{ researchFirst: true, month: 6, unitIds: [] }}
        save={(v) => api.post(pathTo(consultationPaths.planItems, { id }), { ...v, version: plan.version })}
        onSaved={() => setAdding(false)}
        onClose={() => setAdding(false)}
        success="已列入计划"
      >
        <ItemFields pool={[...(pool?.items ?? []), ...(earlier?.items ?? [])]} options={options} />
      </FormModal>
    </PageCard>
  );
}

function ItemFields({ pool, options }: { pool: TopicRow[]; options: ReturnType<typeof useConsultationOptions> }) {
  const form = Form.useFormInstance();
  return (
    <>
      <Form.Item name="topicId" label="来源选题（可不选）">
        <Select
          allowClear
          data-testid="item-topic"
          options={pool.map((t) => ({ value: t.id, label: `【${t.sourceLabel}】${t.title}` }))}
          onChange={(topicId) => {
            const t = pool.find((x) => x.id === topicId);
            if (t) form.setFieldsValue({ title: t.title });
          }}
        />
      </Form.Item>
      <Form.Item name="title" label="协商议题" rules={rules.title}><Input data-testid="item-title" /></Form.Item>
      <Form.Item name="form" label="协商形式" rules={rules.form}>
        <Select data-testid="item-form" options={(options?.forms ?? []).map((f) => ({ value: f.key, label: f.label }))} />
      </Form.Item>
      <Form.Item name="leadSpecialCommitteeId" label="牵头专委会" rules={rules.leadSpecialCommitteeId}>
        <Select allowClear options={(options?.specialCommittees ?? []).map((c) => ({ value: c.id, label: c.name }))} />
      </Form.Item>
      <Form.Item name="unitIds" label="参与部门" rules={rules.unitIds}>
        <Select mode="multiple" optionFilterProp="label" options={(options?.units ?? []).map((u) => ({ value: u.id, label: u.name }))} />
      </Form.Item>
      <Form.Item name="month" label="计划月份" rules={rules.month}><InputNumber min={1} max={12} /></Form.Item>
      <Form.Item name="researchFirst" valuePropName="checked"><Checkbox>先调研、后协商</Checkbox></Form.Item>
    </>
  );
}
