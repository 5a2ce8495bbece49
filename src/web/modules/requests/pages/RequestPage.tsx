import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, Button, Card, Descriptions, Empty, Flex, Form, Input, Radio, Select, Skeleton, Tag, Timeline, Typography } from 'antd';
import { pathTo } from '@shared/http/paths';
import { convertInput, requestActionBodies } from '@shared/requests/inputs';
import { requestPaths } from '@shared/requests/paths';
import type { RequestConverted, RequestDetail, RequestOptions } from '@shared/requests/responses';
import { api } from '../../../app/api';
import { run } from '../../../app/errors';
import { can, formatTime } from '../../../app/forms';
import { showAnswer, useGet } from '../../../app/query';
import { fieldRules } from '../../../app/rules';
import { FormModal } from '../../../app/ui/FormModal';
import { PageHeading, usePageTitle } from '../../../app/ui/PageTitle';
import { stateColors } from '../states';

type Dialog = 'route' | 'record' | 'finish' | 'decline' | 'convert' | null;
const routeRules = fieldRules(requestActionBodies.route);
const recordRules = fieldRules(requestActionBodies.record);
const finishRules = fieldRules(requestActionBodies.finish);
const declineRules = fieldRules(requestActionBodies.decline);
const convertRules = fieldRules(convertInput);

/** Staff route to a studio and/or a member of it (the member list follows the studio chosen). */
function RouteFields({ options }: { options: RequestOptions | undefined }) {
  const studioId = Form.useWatch('studioId') as string | undefined;
  const members = (options?.members ?? []).filter((m) => !studioId || m.studioId === studioId);
  return (
    <>
      <Form.Item name="studioId" label="委员工作室" rules={routeRules.studioId} extra="转给工作室时，工作室的委员均可接办">
        <Select allowClear showSearch optionFilterProp="label" options={(options?.studios ?? []).map((s) => ({ value: s.id, label: s.name }))} data-testid="route-studio" />
      </Form.Item>
      <Form.Item name="memberId" label="承办委员" rules={routeRules.memberId}>
        <Select allowClear showSearch optionFilterProp="label" options={members.map((m) => ({ value: m.id, label: m.name }))} data-testid="route-member" />
      </Form.Item>
      <Form.Item name="note" label="分办意见" rules={routeRules.note}>
        <Input.TextArea autoSize={{ minRows: 2 }} />
      </Form.Item>
    </>
  );
}

/**
 * 民生诉求详情: what the public sent (the sender's name and phone only for staff who may see them),
 * its photos, what the member did, and the buttons the server allows: route, take on, record,
 * finish, decline, publish, convert into a proposal draft or an opinion report. Phone-sized for
 * the member who records what was done.
 */
export default function RequestPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const path = pathTo(requestPaths.request, { id });
  const { data: r, isPending } = useGet<RequestDetail>(path, undefined, { enabled: !!id });
  const { data: options } = useGet<RequestOptions>(requestPaths.options, undefined, { enabled: can(r, 'route') });
  usePageTitle(r ? `${r.category}·${r.place}` : null);
  const [dialog, setDialog] = useState<Dialog>(null);
  if (isPending && !r) return <Skeleton active />;
  if (!r) return <Empty description="民生诉求不存在或无权查看" />;

  const done = (next: RequestDetail) => {
    setDialog(null);
    showAnswer(path, next);
  };
  const act = (action: string, body: object = {}) => api.post<RequestDetail>(pathTo(requestPaths.action, { id: r.id, action }), { version: r.version, ...body });
  const quick = (action: string, success: string) => run(() => act(action), { success }).then((n) => n && done(n));
  const close = () => setDialog(null);

  return (
    <Flex vertical gap={12}>
      <Card
        title={<PageHeading style={{ whiteSpace: 'normal', padding: '8px 0' }}>{r.category} · {r.place}</PageHeading>}
        extra={<Tag color={stateColors[r.status]} data-testid="request-status">{r.statusLabel}</Tag>}
      >
        <Flex wrap gap={8} style={{ marginBottom: 12 }}>
          {can(r, 'route') && <Button type="primary" onClick={() => setDialog('route')} data-testid="request-route">{r.status === 'received' ? '分办' : '改派'}</Button>}
          {can(r, 'start') && <Button type="primary" onClick={() => quick('start', '已接办')} data-testid="request-start">接办</Button>}
          {can(r, 'record') && <Button onClick={() => setDialog('record')} data-testid="request-record">记录办理情况</Button>}
          {can(r, 'finish') && <Button type="primary" onClick={() => setDialog('finish')} data-testid="request-finish">办结</Button>}
          {can(r, 'convert') && <Button onClick={() => setDialog('convert')} data-testid="request-convert">转为提案或社情民意</Button>}
          {can(r, 'decline') && <Button danger onClick={() => setDialog('decline')}>不予办理</Button>}
          {can(r, 'publish') && <Button onClick={() => quick('publish', '已在门户公开')} data-testid="request-publish">公开办理结果</Button>}
          {can(r, 'unpublish') && <Button onClick={() => quick('unpublish', '已取消公开')}>取消公开</Button>}
        </Flex>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} items={[
          { key: 'code', label: '回执码', children: r.code },
          { key: 'on', label: '受理日期', children: r.receivedOn },
          { key: 'h', label: '承办', children: r.handler ?? '待分办' },
          ...(r.sender ? [{ key: 's', label: '来信人', children: <span data-testid="request-sender">{r.sender.name ?? '（未留姓名）'} {r.sender.phone}</span> }] : []),
          ...(r.routeNote ? [{ key: 'n', label: '分办意见', children: r.routeNote }] : []),
          ...(r.ratingLabel ? [{ key: 'rt', label: '群众评价', children: `${r.ratingLabel}${r.ratingComment ? `：${r.ratingComment}` : ''}` }] : []),
        ]} />
        <PageHeading level={2} style={{ marginTop: 12 }}>诉求内容</PageHeading>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{r.body}</Typography.Paragraph>
        {r.photos.length > 0 && (
          <Flex wrap gap={8}>
            {r.photos.map((p, i) => (
              <a key={p.id} href={pathTo(requestPaths.photo, { id: r.id, attachmentId: p.id })} target="_blank" rel="noreferrer">
                照片{i + 1}（{Math.ceil(p.size / 1024)}KB）
              </a>
            ))}
          </Flex>
        )}
        {r.outcome && <Alert style={{ marginTop: 12 }} type="success" showIcon message={`办理结果（${r.doneOn}）`} description={r.outcome} />}
        {r.declineReason && <Alert style={{ marginTop: 12 }} type="warning" showIcon message="不予办理" description={r.declineReason} />}
        {r.proposal && <Typography.Paragraph style={{ marginTop: 12 }}>已转为提案草稿：<Link to={`/proposals/${r.proposal.id}`} data-testid="request-proposal">{r.proposal.title}</Link></Typography.Paragraph>}
        {r.opinion && <Typography.Paragraph style={{ marginTop: 12 }}>已转为社情民意信息：<Link to={`/opinions/${r.opinion.id}`} data-testid="request-opinion">{r.opinion.title}</Link></Typography.Paragraph>}
        {r.converted && !r.proposal && !r.opinion && <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>已由承办委员转为提案或社情民意信息</Typography.Paragraph>}
      </Card>
      <Card title={<PageHeading level={2}>办理情况</PageHeading>} size="small">
        {r.notes.length === 0 ? <Empty description="尚无办理记录" /> : <Timeline items={r.notes.map((n, i) => ({ key: i, children: <>{n.day} {n.byName}：{n.body}</> }))} />}
      </Card>
      <Card title={<PageHeading level={2}>办理过程</PageHeading>} size="small">
        <Timeline items={r.history.map((h, i) => ({ key: i, children: <>{formatTime(h.at)} {h.actorName} {h.actionLabel}{h.note ? `：${h.note}` : ''}</> }))} />
      </Card>

      {can(r, 'route') && (
        <FormModal name="route" open={dialog === 'route'} title="分办民生诉求" initialValues={{ studioId: r.studioId ?? undefined, memberId: r.memberId ?? undefined }} save={(v) => act('route', v)} onSaved={done} onClose={close} success="已分办">
          <RouteFields options={options} />
        </FormModal>
      )}
      {can(r, 'record') && (
        <FormModal name="record" open={dialog === 'record'} title="记录办理情况" save={(v) => act('record', v)} onSaved={done} onClose={close} success="已记录">
          <Form.Item name="body" label="办理情况" rules={recordRules.body} extra="来信群众凭回执码可以看到">
            <Input.TextArea autoSize={{ minRows: 4 }} data-testid="record-body" />
          </Form.Item>
        </FormModal>
      )}
      {can(r, 'finish') && (
        <FormModal name="finish" open={dialog === 'finish'} title="办结" save={(v) => act('finish', v)} onSaved={done} onClose={close} success="已办结">
          <Form.Item name="outcome" label="办理结果" rules={finishRules.outcome} extra="来信群众凭回执码可以看到并评价">
            <Input.TextArea autoSize={{ minRows: 4 }} data-testid="finish-outcome" />
          </Form.Item>
        </FormModal>
      )}
      {can(r, 'decline') && (
        <FormModal name="decline" open={dialog === 'decline'} title="不予办理" save={(v) => act('decline', v)} onSaved={done} onClose={close} success="已告知不予办理">
          <Form.Item name="reason" label="不予办理理由" rules={declineRules.reason} extra="来信群众凭回执码可以看到">
            <Input.TextArea autoSize={{ minRows: 3 }} />
          </Form.Item>
        </FormModal>
      )}
      {can(r, 'convert') && (
        <FormModal<RequestConverted>
          name="convert"
          open={dialog === 'convert'}
          title="转为提案草稿或社情民意信息"
          initialValues={{ into: 'proposal', title: `关于解决${r.place}${r.category}问题的建议`.slice(0, 100) }}
          save={(v) => api.post(pathTo(requestPaths.convert, { id: r.id }), { ...v, version: r.version })}
          onSaved={(next) => {
            done(next);
            navigate(next.convertedTo.into === 'proposal' ? `/proposals/${next.convertedTo.id}` : `/opinions/${next.convertedTo.id}`);
          }}
          onClose={close}
          success="已转化，请继续完善"
        >
          <Form.Item name="into" label="转化为" rules={convertRules.into}>
            <Radio.Group options={[{ value: 'proposal', label: '我的提案草稿' }, { value: 'opinion', label: '社情民意信息' }]} data-testid="convert-into" />
          </Form.Item>
          <Form.Item name="title" label="标题" rules={convertRules.title}>
            <Input data-testid="convert-title" />
          </Form.Item>
        </FormModal>
      )}
    </Flex>
  );
}
