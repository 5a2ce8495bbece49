import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Col, Form, Grid, Input, Radio, Row, Select, Space, Switch } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../../app/api';
import { useMe } from '../../../app/auth';
import { run, submitForm } from '../../../app/errors';
import { useRemote } from '../../../app/useRemote';
import { CosignerPicker } from '../CosignerPicker';
import { SessionWindow } from '../SessionWindow';
import { SimilarHint, SimilarPanel, useSimilarProposals } from '../SimilarPanel';
import { authorTypeLabels, type ProposalDetail, type ProposalOptions } from '../types';
import { AttachmentPicker, type Attachment } from '../../../app/ui/AttachmentPicker';

/** The body of POST /api/proposals and PATCH /api/proposals/:id (src/server/modules/proposals/inputs.ts). */
const fields = ['title', 'category', 'authorType', 'collectiveBody', 'cosignerIds', 'background', 'analysis', 'suggestions', 'proposerConsent'];
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
  const { data: options } = useRemote(() => api.get<ProposalOptions>('/proposals/options'), []);
  const { data: existing, reload } = useRemote(() => (id ? api.get<ProposalDetail>(`/proposals/${id}`) : Promise.resolve(null)), [id]);
  const authorType = Form.useWatch('authorType', form) as string | undefined;
  const texts = [Form.useWatch('title', form), Form.useWatch('background', form), Form.useWatch('analysis', form), Form.useWatch('suggestions', form)] as (string | undefined)[];
  const similar = useSimilarProposals(texts.map((t) => t ?? '').join('\n'), existing?.id);
  const sideBySide = Grid.useBreakpoint().lg ?? true;
  const chosen = (Form.useWatch('cosignerIds', form) as string[] | undefined) ?? [];
  const [files, setFiles] = useState<File[]>([]);
  const [stored, setStored] = useState<Attachment[]>([]);
  // the draft as last saved here: a retry after a failed upload goes on with it instead of creating another
  const saved = useRef<ProposalDetail | null>(null);

  useEffect(() => {
    saved.current = existing ?? null;
    setStored(existing?.attachments ?? []);
    if (existing) form.setFieldsValue({ ...existing, cosignerIds: existing.cosigners.filter((c) => c.status !== 'declined').map((c) => c.memberId) });
  }, [existing, form]);

  const removeStored = async (a: Attachment) => {
    const p = await api.post<ProposalDetail>(`/proposals/${saved.current!.id}/attachments/${a.id}/remove`);
    setStored(p.attachments);
  };

  const bodies = options?.collectiveBodies;
  const mayCollective = (me.roles.includes('staff') || me.roles.includes('admin')) && (bodies === null || (bodies?.length ?? 0) > 0);
  const authorTypes = Object.entries(authorTypeLabels)
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
    setBusy(thenSubmit ? 'submit' : 'save');
    const done = await submitForm(
      form,
      async () => {
        const base = saved.current;
        let p = base ? await api.patch<ProposalDetail>(`/proposals/${base.id}`, { ...body, version: base.version }) : await api.post<ProposalDetail>('/proposals', body);
        saved.current = p;
        for (const file of files) {
          p = await api.upload<ProposalDetail>(`/proposals/${p.id}/attachments`, file);
          saved.current = p;
          setFiles((pending) => pending.filter((f) => f !== file));
          setStored(p.attachments);
        }
        return p;
      },
      { success: thenSubmit ? undefined : '草稿已保存', onConflict: () => void reload() },
    );
    if (done && thenSubmit) await run(() => api.post(`/proposals/${done.id}/actions/submit`, { version: done.version }), { success: '提案已提交' });
    setBusy(null);
    if (done) navigate(`/proposals/${done.id}`);
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={16}>
        <Card title={existing ? '修改提案' : '撰写提案'} styles={{ body: { padding: 16 } }}>
          <Space orientation="vertical" size={12} style={{ width: '100%', marginBottom: 16 }}>
            <SessionWindow />
            {existing?.status === 'returned' && existing.decisionReason && <Alert type="error" showIcon title={`退回修改：${existing.decisionReason}`} />}
            {options && authorTypes.length === 0 && (
              <Alert type="warning" showIcon title="本账号不能提交提案：集体提案须由系统管理员在账号上设定经办的党派、专委会或界别" data-testid="proposal-not-allowed" />
            )}
          </Space>
          <Form
            form={form}
            layout="vertical"
            name="proposal"
            initialValues={{ authorType: me.memberId ? 'individual' : 'collective', proposerConsent: true, background: '', analysis: '', suggestions: '' }}
          >
            <Form.Item name="title" label="案由（标题）" rules={[{ required: true, min: 4, message: '请填写案由（至少4个字）' }]} extra="一事一案，例如：关于加快老旧小区加装电梯的建议">
              <Input maxLength={100} showCount />
            </Form.Item>
            {!sideBySide && <SimilarHint items={similar.items} />}
            <Form.Item name="category" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
              <Select showSearch options={(options?.categories ?? []).map((c) => ({ value: c, label: c }))} placeholder="可输入关键字查找" />
            </Form.Item>
            <Form.Item name="authorType" label="提案方式">
              <Radio.Group options={authorTypes} />
            </Form.Item>
            {authorType === 'joint' && (
              <Form.Item name="cosignerIds" label="邀请联名委员" rules={[{ required: true, message: '联名提案请邀请至少一位委员' }]} extra="被邀请的委员确认后才算联名，全部确认后方可提交">
                <CosignerPicker known={existing?.cosigners.map((c) => ({ value: c.memberId, label: c.name }))} />
              </Form.Item>
            )}
            {authorType === 'collective' && (
              <Form.Item name="collectiveBody" label="提案单位（党派、团体、专委会或界别）" rules={[{ required: true, message: '请填写提案单位' }]}>
                {bodies ? <Select options={bodies.map((b) => ({ value: b, label: b }))} /> : <Input maxLength={60} />}
              </Form.Item>
            )}
            <Form.Item
              name="background"
              label="情况"
              dependencies={['analysis']}
              rules={[{ validator: (_, v) => (v?.trim() || form.getFieldValue('analysis')?.trim() ? Promise.resolve() : Promise.reject(new Error('请写明情况和分析'))) }]}
              extra="保存草稿时可以暂不填写正文，提交前写完即可"
            >
              <Input.TextArea autoSize={{ minRows: 4, maxRows: 16 }} />
            </Form.Item>
            <Form.Item name="analysis" label="分析">
              <Input.TextArea autoSize={{ minRows: 4, maxRows: 16 }} />
            </Form.Item>
            <Form.Item name="suggestions" label="建议" rules={[{ required: true, whitespace: true, message: '请提出具体建议' }]}>
              <Input.TextArea autoSize={{ minRows: 4, maxRows: 16 }} />
            </Form.Item>
            <Form.Item label="附件" extra="调研报告、数据、照片等佐证材料，最多5个，每个不超过10MB">
              <AttachmentPicker existing={stored} pending={files} onPending={setFiles} onRemoveExisting={removeStored} perRecord="每件提案" testId="proposal-attach" />
            </Form.Item>
            <Form.Item name="proposerConsent" label="同意在门户公开办理答复" valuePropName="checked">
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
        <SimilarPanel {...similar} />
      </Col>
    </Row>
  );
}
