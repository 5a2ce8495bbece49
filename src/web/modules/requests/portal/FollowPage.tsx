import { useState } from 'react';
import { useSearchParams, Link } from 'react-router';
import { Alert, Button, Card, Descriptions, Empty, Flex, Form, Input, List, Radio, Tag, Timeline, Typography } from 'antd';
import { followQuery, rateInput } from '@shared/requests/inputs';
import { requestRatings } from '@shared/requests/labels';
import { requestPaths } from '@shared/requests/paths';
import type { Followed, PublishedList } from '@shared/requests/responses';
import { api } from '../../../app/api';
import { submitForm } from '../../../app/errors';
import { showAnswer, useGet } from '../../../app/query';
import { fieldRules } from '../../../app/rules';
import { PageCard } from '../../../app/ui/PageCard';
import { PageHeading, useDocumentTitle } from '../../../app/ui/PageTitle';
import { usePortalCommittee } from '../../portal/useCommittee';
import { stateColors } from '../states';

const rateRules = fieldRules(rateInput);
const codeOk = (code: string) => followQuery.safeParse({ code }).success;

/** The sender rates the outcome once it is done (a reason when dissatisfied). */
function RateForm({ code, onRated }: { code: string; onRated(f: Followed): void }) {
  const [form] = Form.useForm();
  const rating = Form.useWatch('rating', form) as string | undefined;
  return (
    <Form form={form} name="rate" layout="vertical" onFinish={async (v) => { const f = await submitForm(form, () => api.post<Followed>(requestPaths.rate, { ...v, code }), { success: '感谢您的评价' }); if (f) onRated(f); }}>
      <Form.Item name="rating" label="您对办理结果满意吗" rules={rateRules.rating}>
        <Radio.Group options={Object.entries(requestRatings).map(([value, label]) => ({ value, label }))} data-testid="follow-rating" />
      </Form.Item>
      <Form.Item name="comment" label="评价意见" rules={rating === 'unsatisfied' ? [{ required: true, message: '不满意时请写明原因' }] : rateRules.comment}>
        <Input.TextArea autoSize={{ minRows: 2 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" data-testid="follow-rate">提交评价</Button>
    </Form>
  );
}

/** One request as its receipt code shows it: progress, who handles it, the outcome — nobody's contacts. */
function Progress({ code }: { code: string }) {
  const path = requestPaths.follow;
  const { data: f, isPending, error } = useGet<Followed>(path, { code }, { quiet: true });
  if (isPending) return <Card loading />;
  if (error || !f) return <Alert type="warning" showIcon message="没有找到该回执码对应的诉求，请核对后重试" data-testid="follow-missing" />;
  return (
    <Card title={<PageHeading level={2}>回执码 {f.code}</PageHeading>} extra={<Tag color={stateColors[f.status]} data-testid="follow-status">{f.statusLabel}</Tag>}>
      <Descriptions size="small" column={1} items={[
        { key: 'c', label: '类别', children: f.category },
        { key: 'p', label: '地点', children: f.place },
        { key: 'r', label: '受理日期', children: f.receivedOn },
        { key: 'h', label: '承办', children: f.handler ?? '待分办' },
      ]} />
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}>{f.body}</Typography.Paragraph>
      {f.notes.length > 0 && (
        <>
          <PageHeading level={2}>办理情况</PageHeading>
          <Timeline items={f.notes.map((n, i) => ({ key: i, children: <>{n.day} {n.byName}：{n.body}</> }))} />
        </>
      )}
      {f.outcome && <Alert type="success" showIcon message={`办理结果（${f.doneOn}）`} description={f.outcome} data-testid="follow-outcome" />}
      {f.declineReason && <Alert type="warning" showIcon message="不予办理" description={f.declineReason} />}
      {f.ratingLabel && <Typography.Paragraph style={{ marginTop: 8 }}>您的评价：{f.ratingLabel}</Typography.Paragraph>}
      {f.canRate && <div style={{ marginTop: 12 }}><RateForm code={f.code} onRated={(next) => showAnswer(path, next)} /></div>}
    </Card>
  );
}

/**
 * 查询诉求办理进展: the receipt code (in the address, so the link can be kept), then the request's
 * progress; below, the results staff published for everyone.
 */
export default function FollowPage() {
  useDocumentTitle('查询诉求办理进展', '政协公开门户');
  const [params, setParams] = useSearchParams();
  const code = (params.get('code') ?? '').trim();
  const [typed, setTyped] = useState(code);
  const { id: committeeId } = usePortalCommittee();
  const { data: published } = useGet<PublishedList>(requestPaths.published, { committeeId }, { enabled: !!committeeId });
  const valid = codeOk(code);
  return (
    <Flex vertical gap={12}>
      <PageCard title="查询诉求办理进展" extra={<Link to="/portal/requests/new">我要反映诉求</Link>}>
        <Input.Search
          aria-label="回执码"
          placeholder="请输入10位回执码，如 K7PM4-Q2XRD"
          enterButton="查询"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onSearch={(v) => setParams((p) => { const n = new URLSearchParams(p); n.set('code', v.trim()); return n; })}
          data-testid="follow-code"
        />
        {code && !valid && <Typography.Text type="danger">回执码为10位字母和数字，请核对</Typography.Text>}
      </PageCard>
      {valid && <Progress code={code} />}
      <Card title={<PageHeading level={2}>民生诉求办理结果公开</PageHeading>} size="small">
        <List
          dataSource={published?.items ?? []}
          locale={{ emptyText: <Empty description="暂无公开的办理结果" /> }}
          renderItem={(p, i) => (
            <List.Item key={i}>
              <div>
                <Typography.Text strong>{p.category} · {p.place}</Typography.Text>
                <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: '4px 0' }}>{p.body}</Typography.Paragraph>
                <Typography.Paragraph style={{ margin: 0 }}>{p.handler ? `${p.handler}：` : ''}{p.outcome}（{p.doneOn}）</Typography.Paragraph>
              </div>
            </List.Item>
          )}
        />
      </Card>
    </Flex>
  );
}
