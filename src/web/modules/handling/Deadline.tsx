import { Tag, Tooltip, Typography } from 'antd';
import type { WorklistItem } from '@shared/handling/responses';
import { formatDay } from '../../app/forms';

/** 剩余 3 个工作日 / 今日到期 / 已逾期 2 个工作日: how near a reply deadline is, in working days. */
export const daysLeftText = (daysLeft: number) => (daysLeft > 0 ? `剩余 ${daysLeft} 个工作日` : daysLeft === 0 ? '今日到期' : `已逾期 ${-daysLeft} 个工作日`);

/** 暂定: the deadline crosses a year whose holiday notice is not loaded yet, so it may still move. */
export function ProvisionalMark({ provisional }: { provisional: boolean }) {
  if (!provisional) return null;
  const why = '该年放假安排尚未录入，期限按法定节假日推算；录入后自动重新计算';
  return (
    <Tooltip title={why}>
      <Tag color="gold" aria-label={`暂定：${why}`} data-testid="deadline-provisional" style={{ marginInlineStart: 4 }}>
        暂定
      </Tag>
    </Tooltip>
  );
}

/** A reply deadline with the working days the unit was given and the days it has left (red once overdue, gold in the last three). */
export function Deadline({ item }: { item: Pick<WorklistItem, 'replyDeadline' | 'periodWorkdays' | 'daysLeft' | 'overdue' | 'provisional'> }) {
  const type = item.overdue || item.daysLeft < 0 ? 'danger' : item.daysLeft <= 3 ? 'warning' : 'secondary';
  return (
    <span>
      {formatDay(item.replyDeadline)}
      <ProvisionalMark provisional={item.provisional} />
      <Typography.Text type="secondary">（{item.periodWorkdays} 个工作日）</Typography.Text>{' '}
      <Typography.Text type={type} strong={type !== 'secondary'} data-testid="days-left">
        {daysLeftText(item.daysLeft)}
      </Typography.Text>
    </span>
  );
}
