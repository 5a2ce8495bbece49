import { Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { Outcome } from './types';

/** A colour per answer class: solved green, planned blue, later orange, reference grey. */
const classColors: Record<string, string> = { A: 'green', B: 'blue', C: 'orange', D: 'default' };
const small = { fontSize: 12, display: 'block' } as const;
/** Whether a promise (列入计划) was kept: kept green, partly gold, broken red; not yet recorded grey. */
const promiseColors: Record<string, string> = { kept: 'green', partly: 'gold', broken: 'red' };

/**
 * 办理结果 of a similar proposal: why it was not filed, what it was merged into, each reply's class
 * with its opening lines (what was answered or promised), the promise made by a date and whether it
 * was kept (列入计划), the proposer's rating, a second round,
 * and where to read the reply.
 */
export function OutcomeView({ o }: { o: Outcome }) {
  const rounds = [...new Set(o.replies.map((r) => r.round))];
  return (
    <div data-testid="similar-outcome">
      {o.reason && (
        <Typography.Text type="secondary" style={small}>
          {o.stage === 'notFiled' ? '不予立案理由' : o.stage === 'converted' ? '转办理由' : '说明'}：{o.reason}
        </Typography.Text>
      )}
      {o.mergedInto && (
        <Typography.Text type="secondary" style={small}>
          已并入：<Link to={`/proposals/${o.mergedInto.id}`}>{o.mergedInto.numberText ?? o.mergedInto.title}</Link>
        </Typography.Text>
      )}
      {o.mergedCount > 0 && <Typography.Text type="secondary" style={small}>并入了{o.mergedCount}件相同问题的提案</Typography.Text>}
      {rounds.map((round) => (
        <div key={round} style={{ marginTop: 4 }}>
          {(rounds.length > 1 || round > 1) && <Typography.Text strong style={{ fontSize: 12 }}>{round === 1 ? '第一次答复' : '二次办理答复'}</Typography.Text>}
          {o.replies
            .filter((r) => r.round === round)
            .map((r, i) => (
              <div key={i} data-testid="similar-reply">
                <Tag color={classColors[r.answerClass] ?? 'default'}>
                  {r.answerClass}类 {r.answerLabel}
                </Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.unitName}：{r.excerpt}
                </Typography.Text>
                {r.promise && (
                  <Typography.Text style={small} data-testid="similar-promise">
                    承诺：{r.promise.text}（{r.promise.by} 前）
                    <Tag color={promiseColors[r.promise.outcome ?? ''] ?? 'default'} style={{ marginLeft: 4 }}>
                      {r.promise.statusLabel}
                    </Tag>
                    {r.promise.note && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.promise.note}</Typography.Text>}
                  </Typography.Text>
                )}
              </div>
            ))}
          {o.ratings
            .filter((r) => r.round === round)
            .map((r) => (
              <Typography.Text key={r.round} style={small} data-testid="similar-rating">
                提案人评价：办理态度{r.attitudeLabel}，办理结果{r.resultLabel}
                {r.comment ? `（${r.comment}）` : ''}
              </Typography.Text>
            ))}
        </div>
      ))}
      {o.link && (
        <Link to={o.link.href} target="_blank" style={{ fontSize: 12 }}>
          {o.link.label}
        </Link>
      )}
    </div>
  );
}
