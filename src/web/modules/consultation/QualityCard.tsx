import { useState } from 'react';
import { Card, Flex, Input, List, Radio, Space, Typography } from 'antd';
import { pathTo } from '@shared/http/paths';
import { consultationPaths } from '@shared/consultation/paths';
import { api } from '../../app/api';
import { run } from '../../app/errors';
import { GuardedButton } from '../../app/ui/GuardedButton';

type Answer = 'good' | 'fair' | 'poor';
export interface Quality {
  questions: string[];
  answerLabels: Record<Answer, string>;
  canRate: boolean;
  mine: { answers: { question: string; answerLabel: string }[]; comment: string; ratedOn: string } | null;
  responses: number | null;
  results: ({ question: string; total: number; goodShare: number | null } & Record<Answer, number>)[] | null;
  comments: { id: string; text: string; ratedOn: string }[] | null;
}

/**
 * 协商质量评价: a participating member answers the short questionnaire once (a card per question, fit
 * for a phone); the office and leaders read each question's answers counted, their total being the
 * members who answered.
 */
export function QualityCard({ consultationId, quality }: { consultationId: string; quality: Quality }) {
  const [answers, setAnswers] = useState<(Answer | undefined)[]>(quality.questions.map(() => undefined));
  const [comment, setComment] = useState('');
  const left = answers.filter((a) => !a).length;
  const send = () => run(() => api.post(pathTo(consultationPaths.rating, { id: consultationId }), { answers, comment }), { success: '评价已提交，谢谢！' });
  const keys = Object.keys(quality.answerLabels) as Answer[];
  if (!quality.canRate && !quality.mine && !quality.results) return null;
  return (
    <Card size="small" title="协商质量评价" style={{ marginTop: 16 }} data-testid="consultation-quality">
      {quality.canRate && (
        <Space direction="vertical" style={{ width: '100%' }}>
          {quality.questions.map((q, i) => (
            <div key={i}>
              <Typography.Text>{i + 1}. {q}</Typography.Text>
              <Radio.Group aria-label={q} value={answers[i]} onChange={(e) => setAnswers(answers.map((a, j) => (j === i ? e.target.value : a)))} style={{ display: 'block', marginTop: 4 }}>
                {keys.map((k) => <Radio key={k} value={k}>{quality.answerLabels[k]}</Radio>)}
              </Radio.Group>
            </div>
          ))}
          <Input.TextArea aria-label="意见建议" placeholder="意见建议（可不填）" value={comment} onChange={(e) => setComment(e.target.value)} maxLength={500} autoSize={{ minRows: 2 }} />
          <GuardedButton type="primary" block why={left > 0 && `还有 ${left} 个问题未评价`} onClick={send} data-testid="quality-submit">提交评价</GuardedButton>
        </Space>
      )}
      {quality.mine && (
        <div data-testid="quality-mine">
          <Typography.Paragraph type="secondary">您已于{quality.mine.ratedOn}评价：</Typography.Paragraph>
          {quality.mine.answers.map((a) => <div key={a.question}>{a.question}：{a.answerLabel}</div>)}
          {quality.mine.comment && <Typography.Paragraph style={{ marginTop: 4 }}>意见建议：{quality.mine.comment}</Typography.Paragraph>}
        </div>
      )}
      {quality.results && (
        <>
          <Typography.Paragraph type="secondary" style={{ marginTop: quality.mine ? 12 : 0 }}>共{quality.responses}位参加委员评价</Typography.Paragraph>
          <List
            size="small"
            dataSource={quality.results}
            renderItem={(r) => (
              <List.Item data-testid="quality-result">
                <Flex vertical style={{ width: '100%' }}>
                  <Typography.Text>{r.question}</Typography.Text>
                  <Typography.Text type="secondary">
                    {keys.map((k) => `${quality.answerLabels[k]} ${r[k]}`).join(' · ')}（共{r.total}人{r.goodShare === null ? '' : `，满意率 ${r.goodShare}%`}）
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
          {!!quality.comments?.length && (
            <List size="small" header="意见建议" dataSource={quality.comments} renderItem={(c) => <List.Item>{c.text}（{c.ratedOn}）</List.Item>} />
          )}
        </>
      )}
    </Card>
  );
}
