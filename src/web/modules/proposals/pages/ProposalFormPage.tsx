import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert, Button, Card, Col, Form, Grid, Input, Radio, Row, Select, Space, Switch } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import type { Attachment } from '@shared/http/responses';
import { opinionPaths } from '@shared/opinions/paths';
import type { OpinionDetail, OpinionOptions } from '@shared/opinions/responses';
import { pathTo } from '@shared/http/paths';
import { proposalDraft } from '@shared/proposals/inputs';
import { authorTypes } from '@shared/proposals/labels';
import { proposalPaths } from '@shared/proposals/paths';
import type { ProposalDetail } from '@shared/proposals/responses';
import { api } from '../../../app/api';
import { saveWithFiles } from '../../../app/saveWithFiles';
import { fieldRules } from '../../../app/rules';
import { useMe } from '../../../app/auth';
import { run, submitForm } from '../../../app/errors';
import { MemberPicker } from '../../members/MemberPicker';
import { useProposal, useProposalOptions } from '../data';
import { SessionWindow } from '../SessionWindow';
import { SimilarHint, SimilarProposalsPanel, useSimilarProposals } from '../SimilarPanel';
import { AttachmentPicker } from '../../../app/ui/AttachmentPicker';
import { PageHeading } from '../../../app/ui/PageTitle';
import { ActionNotice, AdvicePanel, useDraftAdvice, type AdviceActions } from '../drafting/AdvicePanel';
import { renumber } from '../drafting/split';
import { requestFormHref } from '../../requests/portal/prefill';
import { TopicPanel, useReferenceTopics } from '../topics/TopicPanel';

/** The body of a new draft and of a change to one: the fields of the shared proposalDraft schema. */
const fields = Object.keys(proposalDraft.shape);
const rules = fieldRules(proposalDraft);
/** A draft may be saved half-written; these are all the server needs for one. */
const draftFields = ['title', 'category', 'authorType', 'collectiveBody'];

/**
 * 撰写提案 / 修改提案: a draft the author can save half-written, come back to and submit; while they
 * write, similar proposals of this session and past years show alongside. Members write their own or
 * joint proposals; authorised staff enter collective ones for a party, special committee or sector.
 */
export default function ProposalFormPage() {
  const { id } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const { data: options } = useProposalOptions();
  const { data: existing, refetch } = useProposal(id);
  const authorType = Form.useWatch('authorType', form) as string | undefined;
  const texts = [Form.useWatch('title', form), Form.useWatch('background', form), Form.useWatch('analysis', form), Form.useWatch('suggestions', form)] as (string | undefined)[];
  const similar = useSimilarProposals(texts.map((t) => t ?? '').join('\n'), existing?.id);
  const topics = useReferenceTopics(texts.map((t) => t ?? '').join('\n'));
  const topicId = Form.useWatch('topicId', form) as string | null | undefined;
  // the topic a saved draft cites stays a choice even if the office withdrew it since
  const topicOptions = [
    ...(existing?.topicId && existing.topicTitle && !topics.items?.some((t) => t.id === existing.topicId) ? [{ value: existing.topicId, label: existing.topicTitle }] : []),
    ...(topics.items ?? []).map((t) => ({ value: t.id, label: `${t.serial}. ${t.title}` })),
  ];
  const category = Form.useWatch('category', form) as string | undefined;
  const collectiveBody = Form.useWatch('collectiveBody', form) as string | undefined;
  const advice = useDraftAdvice({ title: texts[0], background: texts[1], analysis: texts[2], suggestions: texts[3], category, collectiveBody }, existing?.id);
  const [notice, setNotice] = useState<ReactNode>(null);
  const sideBySide = Grid.useBreakpoint().lg ?? true;
  const chosen = (Form.useWatch('cosignerIds', form) as string[] | undefined) ?? [];
  const [files, setFiles] = useState<File[]>([]);
  const [stored, setStored] = useState<Attachment[]>([]);
  // the draft as last saved here: a retry after a failed upload goes on with it instead of creating another
  const saved = useRef<ProposalDetail | null>(null);

  // the record fills the form once, and again after a conflict: a refetch after another write must not undo typing
  const filled = useRef<string | null>(null);
  useEffect(() => {
    if (!existing) return;
    if (!saved.current || saved.current.id !== existing.id || existing.version > saved.current.version) saved.current = existing;
    setStored(existing.attachments);
    if (filled.current === existing.id) return;
    filled.current = existing.id;
    form.setFieldsValue({ ...existing, cosignerIds: existing.cosigners.filter((c) => c.status !== 'declined').map((c) => c.memberId) });
  }, [existing, form]);

  const removeStored = async (a: Attachment) => {
    const p = await api.post<ProposalDetail>(pathTo(proposalPaths.removeAttachment, { id: saved.current!.id, attachmentId: a.id }));
    setStored(p.attachments);
  };

  const bodies = options?.collectiveBodies;
  const mayCollective = (me.roles.includes('staff') || me.roles.includes('admin')) && (bodies === null || (bodies?.length ?? 0) > 0);
  const authorTypeOptions = Object.entries(authorTypes)
    .filter(([k]) => (k === 'collective' ? mayCollective : !!me.memberId))
    .map(([value, label]) => ({ value, label }));
  // a joint proposal goes in only once every invited member has confirmed (the server checks it too)
  const confirmed = new Set(existing?.cosigners.filter((c) => c.status === 'confirmed').map((c) => c.memberId));
  const maySubmitNow = authorType !== 'joint' || (chosen.length > 0 && chosen.every((m) => confirmed.has(m)));

  const save = async (thenSubmit: boolean) => {
    const values = await form.validateFields(thenSubmit ? undefined : draftFields).catch(() => null);
    if (!values) return;
    const all = form.getFieldsValue(fields);
    const body = Object.fromEntries(fields.map((f) => [f, all[f] ?? undefined]));
    if (body.authorType !== 'joint') delete body.cosignerIds;
    if (body.authorType !== 'collective') body.collectiveBody = null;
    // a cleared choice is sent as null, so the saved draft no longer cites the topic
    body.topicId = all.topicId ?? null;
    setBusy(thenSubmit ? 'submit' : 'save');
    const done = await submitForm(
      form,
      () => saveWithFiles({ saved, paths: proposalPaths, values: body, files, setFiles, setStored }),
      { success: thenSubmit ? undefined : '草稿已保存', onConflict: () => ((filled.current = null), void refetch()) },
    );
    if (done && thenSubmit) await run(() => api.post(pathTo(proposalPaths.action, { id: done.id, action: 'submit' }), { version: done.version }), { success: '提案已提交' });
    setBusy(null);
    if (done) navigate(`/proposals/${done.id}`);
  };

  /** One-click actions of the advice: the usual title, a split of a two-issue draft, a 社情民意 report. */
  const adviceActions: AdviceActions = {
    useTitle: (title) => form.setFieldValue('title', title),
    split: async (groups) => {
      const [keep, ...rest] = groups;
      const v = form.getFieldsValue(fields);
      const created: ProposalDetail[] = [];
      for (const g of rest) {
        const body = {
          title: `关于${g.words.slice(0, 2).join('和') || '另一问题'}的建议`,
          category: g.category && options?.categories.includes(g.category) ? g.category : v.category ?? options?.categories[0],
          authorType: v.authorType === 'collective' ? 'collective' : 'individual',
          collectiveBody: v.authorType === 'collective' ? v.collectiveBody : null,
          background: v.background ?? '', analysis: v.analysis ?? '', suggestions: renumber(g.texts),
        };
        const made = await run(() => api.post<ProposalDetail>(proposalPaths.list, body));
        if (made) created.push(made);
      }
      if (!created.length) return;
      form.setFieldValue('suggestions', renumber(keep.texts));
      setNotice(
        <span>
          已拆分：另存为新草稿
          {created.map((c) => (
            <Link key={c.id} to={`/proposals/${c.id}/edit`} target="_blank" style={{ marginLeft: 4 }} data-testid="split-draft">
              《{c.title}》
            </Link>
          ))}
          ，请修改其案由和正文；本提案只保留第{keep.items.join('、')}条建议，记得保存。
        </span>,
      );
    },
    requestForm: () => {
      const v = form.getFieldsValue(['title', 'background', 'analysis', 'suggestions']) as Record<string, string | undefined>;
      return requestFormHref(me.committee.id, [v.title, v.background, v.analysis, v.suggestions].filter(Boolean).join('\n'));
    },
    toOpinion: async () => {
      const v = form.getFieldsValue(fields);
      const opts = await api.get<OpinionOptions>(opinionPaths.options);
      const text = [v.background, v.analysis, v.suggestions].filter(Boolean).join('\n');
      const made = await run(() =>
        api.post<OpinionDetail>(opinionPaths.list, { title: v.title, body: [...text].slice(0, opts.maxLength).join(''), category: opts.categories.includes(v.category) ? v.category : opts.categories[0] }),
      );
      if (made) navigate(`/opinions/${made.id}`);
    },
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={16}>
        <Card title={<PageHeading>{existing ? '修改提案' : '撰写提案'}</PageHeading>} styles={{ body: { padding: 16 } }}>
          <Space orientation="vertical" size={12} style={{ width: '100%', marginBottom: 16 }}>
            <SessionWindow />
            {existing?.status === 'returned' && existing.decisionReason && <Alert type="error" showIcon title={`退回修改：${existing.decisionReason}`} />}
            {options && authorTypeOptions.length === 0 && (
              <Alert type="warning" showIcon title="本账号不能提交提案：集体提案须由系统管理员在账号上设定经办的党派、专委会或界别" data-testid="proposal-not-allowed" />
            )}
          </Space>
          <Form
            form={form}
            layout="vertical"
            name="proposal"
            initialValues={{ authorType: me.memberId ? 'individual' : 'collective', proposerConsent: true, background: '', analysis: '', suggestions: '' }}
          >
            <Form.Item name="title" label="案由（标题）" rules={rules.title} extra="一事一案，例如：关于加快老旧小区加装电梯的建议">
              <Input maxLength={100} showCount />
            </Form.Item>
            {!sideBySide && <SimilarHint items={similar.items} />}
            <Form.Item name="category" label="类别" rules={rules.category}>
              <Select showSearch options={(options?.categories ?? []).map((c) => ({ value: c, label: c }))} placeholder="可输入关键字查找" />
            </Form.Item>
            {topicOptions.length > 0 && (
              <Form.Item name="topicId" label="参考选题（可选）" rules={rules.topicId} extra="提案回应提案委发布的某个参考选题时选用，可在页面下方的选题列表中查看说明">
                <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={topicOptions} placeholder="可输入关键字查找选题" data-testid="proposal-topic" />
              </Form.Item>
            )}
            <Form.Item name="authorType" label="提案方式" rules={rules.authorType}>
              <Radio.Group options={authorTypeOptions} />
            </Form.Item>
            {authorType === 'joint' && (
              <Form.Item name="cosignerIds" label="邀请联名委员" rules={[...rules.cosignerIds, { required: true, message: '联名提案请邀请至少一位委员' }]} extra="被邀请的委员确认后才算联名，全部确认后方可提交">
                <MemberPicker multiple placeholder="输入姓名搜索委员" known={existing?.cosigners.map((c) => ({ value: c.memberId, label: c.name }))} />
              </Form.Item>
            )}
            {authorType === 'collective' && (
              <Form.Item name="collectiveBody" label="提案单位（党派、团体、专委会或界别）" rules={[...rules.collectiveBody, { required: true, message: '请填写提案单位' }]}>
                {bodies ? <Select options={bodies.map((b) => ({ value: b, label: b }))} /> : <Input />}
              </Form.Item>
            )}
            <Form.Item
              name="background"
              label="情况"
              dependencies={['analysis']}
              rules={[...rules.background, { validator: (_, v) => (v?.trim() || form.getFieldValue('analysis')?.trim() ? Promise.resolve() : Promise.reject(new Error('请写明情况和分析'))) }]}
              extra="保存草稿时可以暂不填写正文，提交前写完即可"
            >
              <Input.TextArea autoSize={{ minRows: 4, maxRows: 16 }} />
            </Form.Item>
            <Form.Item name="analysis" label="分析" rules={rules.analysis}>
              <Input.TextArea autoSize={{ minRows: 4, maxRows: 16 }} />
            </Form.Item>
            <Form.Item name="suggestions" label="建议" rules={[...rules.suggestions, { required: true, whitespace: true, message: '请提出具体建议' }]}>
              <Input.TextArea autoSize={{ minRows: 4, maxRows: 16 }} />
            </Form.Item>
            <Form.Item label="附件" extra="调研报告、数据、照片等佐证材料，最多5个，每个不超过10MB">
              <AttachmentPicker existing={stored} pending={files} onPending={setFiles} onRemoveExisting={removeStored} perRecord="每件提案" testId="proposal-attach" />
            </Form.Item>
            <Form.Item name="proposerConsent" label="同意在门户公开办理答复" valuePropName="checked" rules={rules.proposerConsent}>
              <Switch />
            </Form.Item>
            <Space wrap>
              <Button type={maySubmitNow ? 'default' : 'primary'} loading={busy === 'save'} disabled={!!busy} onClick={() => save(false)} data-testid="proposal-save">
                保存草稿
              </Button>
              {maySubmitNow && (
                <Button type="primary" loading={busy === 'submit'} disabled={!!busy} onClick={() => save(true)} data-testid="proposal-save-submit">
                  保存并提交
                </Button>
              )}
              <Button onClick={() => navigate(-1)}>取消</Button>
            </Space>
          </Form>
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <AdvicePanel {...advice} actions={adviceActions} notice={notice && <ActionNotice onClose={() => setNotice(null)}>{notice}</ActionNotice>} />
          <TopicPanel topics={topics} chosen={topicId} onChoose={(id) => form.setFieldValue('topicId', id)} />
          <SimilarProposalsPanel {...similar} />
        </Space>
      </Col>
    </Row>
  );
}
