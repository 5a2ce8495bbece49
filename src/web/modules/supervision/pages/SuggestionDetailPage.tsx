import { useState } from 'react';
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Descriptions, Empty, Flex, Form, Input, Radio, Skeleton, Tag, Timeline, Typography } from 'antd';
import { useParams } from 'react-router';
import dayjs from 'dayjs';
import { pathTo } from '@shared/http/paths';
import { ratingLabels } from '@shared/handling/labels';
import { followUpBody, rateBody, suggestionActionBodies } from '@shared/supervision/inputs';
import { supervisionPaths } from '@shared/supervision/paths';
import type { SuggestionDetail } from '@shared/supervision/responses';
import { api } from '../../../app/api';
import { downloadFile, run } from '../../../app/errors';
import { can, formatDay, formatTime } from '../../../app/forms';
import { showAnswer, useGet } from '../../../app/query';
import { fieldRules } from '../../../app/rules';
import { FormModal } from '../../../app/ui/FormModal';
import { PageHeading, usePageTitle } from '../../../app/ui/PageTitle';
import HandlingPanel from '../../handling/HandlingPanel';
import { stateColors } from '../SuggestionCards';
import { SuggestionForm } from '../SuggestionForm';

type Dialog = 'edit' | 'return' | 'approve' | 'rate' | 'followUp' | null;
const returnRules = fieldRules(suggestionActionBodies.return);
const approveRules = fieldRules(suggestionActionBodies.approve);
const rateRules = fieldRules(rateBody);
const followRules = fieldRules(followUpBody);
const ratingOptions = Object.entries(ratingLabels).map(([value, label]) => ({ value, label }));

/**
 * 监督建议详情: the text, the office's review, the units' handling (the shared HandlingPanel: sign,
 * reply, extension…), the group's rating and follow-up, and the history — with the buttons the
 * server allows this person.
 */
export default function SuggestionDetailPage() {
  const { id = '' } = useParams();
  const path = pathTo(supervisionPaths.detail, { id });
  const { data: s, isPending } = useGet<SuggestionDetail>(path, undefined, { enabled: !!id });
  usePageTitle(s?.title);
  const [dialog, setDialog] = useState<Dialog>(null);
  if (isPending && !s) return <Skeleton active />;
  if (!s) return <Empty description="监督建议不存在或无权查看" />;

  const done = (next: SuggestionDetail) => {
    setDialog(null);
    showAnswer(path, next);
  };
  const act = (action: string, body: object = {}) => api.post<SuggestionDetail>(pathTo(supervisionPaths.action, { id: s.id, action }), { version: s.version, ...body });
  const quick = (action: 'submit' | 'complete', success: string) => run(() => act(action), { success }).then((n) => n && done(n));
  const documentPath = pathTo(supervisionPaths.document, { id: s.id });
  const letter = (format: 'docx' | 'pdf') => downloadFile(`${documentPath}?format=${format}`, `${s.title}（民主监督建议书）.${format}`);
  const answer = (replyId: string, unitName: string, format: 'docx' | 'pdf') => downloadFile(`${documentPath}?replyId=${replyId}&format=${format}`, `${unitName}关于《${s.title}》的反馈.${format}`);

  return (
    <Flex vertical gap={16}>
      <Card
        title={<PageHeading style={{ whiteSpace: 'normal', padding: '8px 0' }}>{s.title}</PageHeading>}
        extra={<Tag color={stateColors[s.status]} data-testid="suggestion-status">{s.statusLabel}</Tag>}
      >
        <Flex wrap gap={8} style={{ marginBottom: 12 }}>
          {can(s, 'update') && <Button onClick={() => setDialog('edit')}>修改</Button>}
          {can(s, 'submit') && <Button type="primary" onClick={() => quick('submit', '已报送审核')} data-testid="suggestion-submit">报送审核</Button>}
          {can(s, 'approve') && <Button type="primary" onClick={() => setDialog('approve')} data-testid="suggestion-approve">审核签发</Button>}
          {can(s, 'return') && <Button onClick={() => setDialog('return')}>退回修改</Button>}
          {can(s, 'rate') && <Button type="primary" onClick={() => setDialog('rate')} data-testid="suggestion-rate">评价答复</Button>}
          {can(s, 'followUp') && <Button onClick={() => setDialog('followUp')} data-testid="suggestion-follow">记录跟踪落实</Button>}
          {can(s, 'complete') && <Button onClick={() => quick('complete', '已标记办结')}>标记办结</Button>}
          <Button icon={<DownloadOutlined />} onClick={() => letter('docx')} data-testid="suggestion-docx">监督建议书 (.docx)</Button>
          <Button icon={<DownloadOutlined />} onClick={() => letter('pdf')} data-testid="suggestion-pdf">PDF</Button>
        </Flex>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} items={[
          { key: 'g', label: '监督小组', children: `${s.groupName}（组长 ${s.leaderName}）` },
          { key: 't', label: '监督议题', children: s.topicTitle ?? '—' },
          { key: 'n', label: '编号', children: s.serial ? `${s.year}年第${s.serial}号` : '—' },
          { key: 'd', label: '起草', children: s.draftedByName },
          { key: 'sg', label: '签发', children: s.signedByName ? `${s.signedByName} ${formatTime(s.signedAt)}` : '—' },
          { key: 'st', label: '发送日期', children: formatDay(s.sentOn) },
        ]} />
        {s.reviewNote && <Typography.Paragraph type="warning" style={{ marginTop: 8 }}>退回意见：{s.reviewNote}</Typography.Paragraph>}
        <PageHeading level={2} style={{ marginTop: 16 }}>发现的问题</PageHeading>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{s.findings}</Typography.Paragraph>
        <PageHeading level={2}>意见建议</PageHeading>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{s.recommendations}</Typography.Paragraph>
      </Card>
      {(s.assignments.length > 0 || can(s, 'assign')) && <HandlingPanel subjectType="supervision" subjectId={s.id} />}
      {s.replies.length > 0 && (
        <Card title={<PageHeading level={2}>被监督单位书面反馈</PageHeading>} size="small" data-testid="reply-documents">
          <Flex vertical gap={8}>
            {s.replies.map((r) => (
              <Flex key={r.id} wrap gap={8} align="center">
                <span style={{ flex: '1 1 180px' }}>{r.unitName} · 第{r.round}轮 · {r.answerClass}类{r.status === 'sent' ? '' : '（未发送）'}</span>
                <Button size="small" icon={<DownloadOutlined />} onClick={() => answer(r.id, r.unitName, 'docx')} aria-label={`下载${r.unitName}第${r.round}轮反馈 .docx`}>.docx</Button>
                <Button size="small" icon={<DownloadOutlined />} onClick={() => answer(r.id, r.unitName, 'pdf')} aria-label={`下载${r.unitName}第${r.round}轮反馈 PDF`}>PDF</Button>
              </Flex>
            ))}
          </Flex>
        </Card>
      )}
      {(s.followUps.length > 0 || s.status === 'following' || s.status === 'done') && (
        <Card title={<PageHeading level={2}>跟踪落实</PageHeading>} size="small">
          {s.followUps.length === 0 ? <Empty description="尚无跟踪记录" /> : <Timeline items={s.followUps.map((f) => ({ key: f.id, children: <>{f.on} · {f.authorName}：{f.text}</> }))} />}
        </Card>
      )}
      <Card title={<PageHeading level={2}>办理过程</PageHeading>} size="small">
        <Timeline items={s.history.map((h, i) => ({ key: i, children: <>{formatTime(h.at)} {h.actorName} {h.actionLabel}{h.note ? `：${h.note}` : ''}</> }))} />
      </Card>

      <SuggestionForm open={dialog === 'edit'} draft={s} onClose={() => setDialog(null)} onSaved={done} />
      {/* only the dialogs this person may open, so no hidden field shares a label with the reply's 签发人 */}
      {can(s, 'return') && <FormModal name="return" open={dialog === 'return'} title="退回修改" save={(v) => act('return', v)} onSaved={done} onClose={() => setDialog(null)} success="已退回">
        <Form.Item name="note" label="退回意见" rules={returnRules.note}><Input.TextArea autoSize={{ minRows: 3 }} /></Form.Item>
      </FormModal>}
      {can(s, 'approve') && <FormModal name="approve" open={dialog === 'approve'} title="审核签发" save={(v) => act('approve', v)} onSaved={done} onClose={() => setDialog(null)} success="已签发">
        <Form.Item name="signedByName" label="签发人" rules={approveRules.signedByName}><Input placeholder="区政协秘书长 王某" data-testid="approve-signer" /></Form.Item>
      </FormModal>}
      <FormModal
        name="rate"
        open={dialog === 'rate'}
        title="评价被监督单位的答复"
        save={(v) => api.post<SuggestionDetail>(pathTo(supervisionPaths.rate, { id: s.id }), { ...v, version: s.version })}
        onSaved={done}
        onClose={() => setDialog(null)}
        success="已评价"
      >
        <Form.Item name="attitude" label="办理态度" rules={rateRules.attitude}><Radio.Group options={ratingOptions} data-testid="rate-attitude" /></Form.Item>
        <Form.Item name="result" label="办理结果" rules={rateRules.result}><Radio.Group options={ratingOptions} data-testid="rate-result" /></Form.Item>
        <Form.Item name="comment" label="评价意见" rules={rateRules.comment} extra={s.handlingRound < 2 ? '评价为不满意时，单位将再次办理' : undefined}>
          <Input.TextArea autoSize={{ minRows: 2 }} data-testid="rate-comment" />
        </Form.Item>
      </FormModal>
      <FormModal
        name="follow"
        open={dialog === 'followUp'}
        title="记录跟踪落实情况"
        initialValues={{ on: dayjs() }}
        save={(v) => api.post<SuggestionDetail>(pathTo(supervisionPaths.followUps, { id: s.id }), { version: s.version, on: v.on.format('YYYY-MM-DD'), text: v.text })}
        onSaved={done}
        onClose={() => setDialog(null)}
      >
        <Form.Item name="on" label="跟踪日期" rules={[{ required: true, message: '跟踪日期：必填' }]}><DatePicker /></Form.Item>
        <Form.Item name="text" label="跟踪落实情况" rules={followRules.text}><Input.TextArea autoSize={{ minRows: 3 }} /></Form.Item>
      </FormModal>
    </Flex>
  );
}
