import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button, Card, Empty, Flex, Form, Input, List, Segmented, Tag, Typography } from 'antd';
import { pathTo } from '@shared/http/paths';
import { questionActionBodies } from '@shared/studios/inputs';
import { questionScopes, type QuestionScope } from '@shared/studios/labels';
import { studioPaths } from '@shared/studios/paths';
import type { QuestionList, QuestionRow } from '@shared/studios/responses';
import { api } from '../../../app/api';
import { run } from '../../../app/errors';
import { can } from '../../../app/forms';
import { refetch, useGet } from '../../../app/query';
import { fieldRules } from '../../../app/rules';
import { FormModal } from '../../../app/ui/FormModal';
import { PageCard } from '../../../app/ui/PageCard';

const answerRules = fieldRules(questionActionBodies.answer);
const act = (q: QuestionRow, action: string, body: object = {}) => api.post<QuestionRow>(pathTo(studioPaths.questionAction, { id: q.id, action }), { version: q.version, ...body });

/** One question as a card: what was asked, the answer, and the buttons the server allows. */
function QuestionCard({ q, onAnswer }: { q: QuestionRow; onAnswer: () => void }) {
  const quick = (action: string, success: string) => run(() => act(q, action), { success }).then(() => refetch(studioPaths.questions));
  return (
    <Card size="small" style={{ width: '100%' }} data-testid="studio-question">
      <Flex justify="space-between" align="start" gap={8}>
        <Typography.Text strong>{q.studioName}</Typography.Text>
        <Flex gap={4}>
          <Tag color={q.status === 'asked' ? 'orange' : 'green'}>{q.statusLabel}</Tag>
          {q.published && <Tag color="blue">已公开</Tag>}
        </Flex>
      </Flex>
      <Typography.Paragraph style={{ margin: '8px 0', whiteSpace: 'pre-wrap' }}>{q.body}</Typography.Paragraph>
      <Typography.Text type="secondary">
        {q.askedOn} 提出{q.asker ? ` · ${q.asker.name ?? '匿名'} ${q.asker.contact}` : ''}
      </Typography.Text>
      {q.answer && (
        <Typography.Paragraph style={{ margin: '8px 0 0', padding: 8, background: '#f6ffed', whiteSpace: 'pre-wrap' }}>
          <Typography.Text strong>答复（{q.answeredBy} · {q.answeredOn}）：</Typography.Text>
          {q.answer}
        </Typography.Paragraph>
      )}
      <Flex wrap gap={8} style={{ marginTop: 8 }}>
        {can(q, 'answer') && <Button type="primary" onClick={onAnswer} data-testid="question-answer">答复</Button>}
        {can(q, 'publish') && <Button type="primary" onClick={() => void quick('publish', '已公开到工作室页面')} data-testid="question-publish">公开到工作室页面</Button>}
        {can(q, 'unpublish') && <Button onClick={() => void quick('unpublish', '已取消公开')} data-testid="question-unpublish">取消公开</Button>}
      </Flex>
    </Card>
  );
}

/**
 * 工作室线上咨询: a studio's members answer what the public asked their studio; staff see every
 * studio's, with the asker's contact, and publish or hide answers. Cards, so it reads on a phone.
 */
export default function StudioQuestionsPage() {
  const [params, setParams] = useSearchParams();
  const scope = (params.get('scope') ?? 'all') as QuestionScope;
  const { data, isPending } = useGet<QuestionList>(studioPaths.questions, { scope }, { keepPrevious: true });
  const [answering, setAnswering] = useState<QuestionRow | null>(null);
  return (
    <PageCard
      title="工作室线上咨询"
      extra={<Segmented aria-label="范围" value={scope} options={Object.entries(questionScopes).map(([value, label]) => ({ value, label }))} onChange={(v) => setParams({ scope: String(v) })} />}
    >
      <List
        loading={isPending}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description="暂无群众咨询" /> }}
        renderItem={(q) => (
          <List.Item key={q.id}>
            <QuestionCard q={q} onAnswer={() => setAnswering(q)} />
          </List.Item>
        )}
      />
      <FormModal name="answer" open={!!answering} title="答复群众咨询" save={(v) => act(answering!, 'answer', v)} onSaved={() => setAnswering(null)} onClose={() => setAnswering(null)} success="已答复">
        <Typography.Paragraph type="secondary">{answering?.body}</Typography.Paragraph>
        <Form.Item name="answer" label="答复内容" rules={answerRules.answer} extra="经公开后显示在工作室页面，署您的姓名">
          <Input.TextArea autoSize={{ minRows: 4 }} data-testid="answer-text" />
        </Form.Item>
      </FormModal>
    </PageCard>
  );
}
