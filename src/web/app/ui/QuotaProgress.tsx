import { Progress } from 'antd';

/**
 * A yearly quota (履职要求) as “调研：2 / 3” over a bar; the bar is named after the quota, so a screen
 * reader says what the percentage is of.
 */
export function QuotaProgress({ label, have, need, met, testId }: { label: string; have: number; need: number; met: boolean; testId?: string }) {
  return (
    <>
      <div data-testid={testId}>
        {label}：{have} / {need}
      </div>
      <Progress aria-label={`${label}完成情况`} percent={Math.min(100, Math.round((have / Math.max(need, 1)) * 100))} status={met ? 'success' : 'active'} size="small" />
    </>
  );
}
