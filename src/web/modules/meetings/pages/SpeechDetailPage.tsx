import { useState } from 'react';
import { Button, Card, Descriptions, Empty, Flex, Form, Input, Popconfirm, Skeleton, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import { pathTo } from '@shared/http/paths';
import { meetingPaths } from '@shared/meetings/paths';
import type { Speech } from '@shared/meetings/responses';
import { api } from '../../../app/api';
import { run } from '../../../app/errors';
import { can, formatTime } from '../../../app/forms';
import { FormModal } from '../../../app/ui/FormModal';
import { showAnswer, useGet } from '../../../app/query';
import { speechColors } from '../colors';
import { PageHeading, usePageTitle } from '../../../app/ui/PageTitle';
import { ResearchOrigin } from '../../research/ResearchOrigin';

type Choice = 'oral' | 'written' | 'notUsed';
const choices: { action: string; status: Choice; label: string }[] = [
  { action: 'selectOral', status: 'oral', label: '安排口头发言' },
  { action: 'selectWritten', status: 'written', label: '作为书面发言' },
  { action: 'notUse', status: 'notUsed', label: '不予采用' },
];

/** 大会发言详情: the text; staff choose oral, written or not used (and may revise the choice); the author may withdraw. */
export default function SpeechDetailPage() {
  const { id } = useParams();
  const path = pathTo(meetingPaths.speech, { id: id ?? '' });
  const { data: s, isPending: loading, refetch } = useGet<Speech>(path);
  // a write answers with the speech as it now is: show it at once (the refetch after the write agrees)
  const setData = (n: Speech) => void showAnswer(path, n);
  const reload = () => void refetch();
  usePageTitle(s?.title);
  const [choosing, setChoosing] = useState<Choice | null>(null);
  if (loading && !s) return <Skeleton active />;
  if (!s) return <Empty description="大会发言不存在或无权查看" />;
  const withdraw = () => run(() => api.post<Speech>(pathTo(meetingPaths.withdrawSpeech, { id: s.id }), { version: s.version }), { success: '已撤回', onConflict: reload }).then((n) => n && setData(n));
  return (
    <Card title={<PageHeading>{s.title}</PageHeading>} extra={<Tag color={speechColors[s.status]} data-testid="speech-status">{s.statusLabel}</Tag>}>
      <ResearchOrigin type="speech" id={s.id} />
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label="发言人">{s.memberName}</Descriptions.Item>
        {s.contributorNames.length > 0 && <Descriptions.Item label="联合发言人">{s.contributorNames.join('、')}</Descriptions.Item>}
        <Descriptions.Item label="提交时间">{formatTime(s.createdAt)}</Descriptions.Item>
        <Descriptions.Item label="遴选">{s.decidedByName ? `${s.decidedByName}${s.decisionNote ? `：${s.decisionNote}` : ''}` : '待遴选'}</Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12 }}>{s.body}</Typography.Paragraph>
      <Flex gap={8} wrap>
        {choices.filter((c) => can(s, c.action) && s.status !== c.status).map((c) => (
          <Button key={c.status} type={c.status === 'oral' ? 'primary' : 'default'} onClick={() => setChoosing(c.status)} data-testid={`speech-${c.status}`}>{c.label}</Button>
        ))}
        {can(s, 'withdraw') && <Popconfirm title="撤回这篇发言？" onConfirm={withdraw}><Button>撤回</Button></Popconfirm>}
      </Flex>
      <FormModal<Speech>
        name="speech-select"
        open={choosing !== null}
        title={choices.find((c) => c.status === choosing)?.label ?? ''}
        success="已保存"
        onClose={() => setChoosing(null)}
        onConflict={reload}
        onSaved={(n) => { setChoosing(null); setData(n); }}
        save={(v) => api.post(pathTo(meetingPaths.selectSpeech, { id: s.id }), { version: s.version, status: choosing, note: v.note || undefined })}
      >
        <Form.Item name="note" label="说明"><Input.TextArea rows={3} /></Form.Item>
      </FormModal>
    </Card>
  );
}
