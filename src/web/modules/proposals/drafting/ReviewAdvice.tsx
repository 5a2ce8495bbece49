import { Card, List, Typography } from 'antd';
import { Link } from 'react-router';
import { pathTo } from '@shared/http/paths';
import { proposalPaths } from '@shared/proposals/paths';
import { useGet } from '../../../app/query';
import { AdviceItem } from './AdvicePanel';
import type { ReviewAdvice as Data } from './types';

/**
 * 审查辅助 on a proposal in review: the same checks the author saw while writing, and why similar
 * proposals were not filed or were converted — what reviewers decided before on the same issue.
 */
export function ReviewAdvice({ id }: { id: string }) {
  const { data } = useGet<Data>(pathTo(proposalPaths.advice, { id }));
  if (!data) return null;
  return (
    <Card title="审查辅助" size="small" data-testid="review-advice">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        提交前检查
      </Typography.Title>
      {data.advice.length === 0 ? (
        <Typography.Text type="secondary">未发现需要注意的问题。</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={data.advice}
          // as the author saw it, without the author's one-click actions (the reviewer does not edit the text)
          renderItem={(a) => <AdviceItem a={a} actions={{}} testId="review-advice" />}
        />
      )}
      <Typography.Title level={5}>相似提案的审查结果</Typography.Title>
      {data.notFiled.length === 0 ? (
        <Typography.Text type="secondary">相似提案中没有不予立案或转办的。</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={data.notFiled}
          renderItem={(n) => (
            <List.Item data-testid="review-not-filed">
              <span>
                <Link to={`/proposals/${n.id}`}>{n.title}</Link>（{n.year}年，相似度{Math.round(n.score * 100)}%）：{n.summary}
                {n.reason ? `，理由：${n.reason}` : ''}
              </span>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
