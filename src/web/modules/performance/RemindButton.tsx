import { Button, Popconfirm } from 'antd';
import { GuardedButton } from '../../app/ui/GuardedButton';
import { BellOutlined } from '@ant-design/icons';
import { performancePaths } from '@shared/performance/paths';
import type { RemindAnswer } from '@shared/performance/responses';
import { api } from '../../app/api';
import { run } from '../../app/errors';
import { feedback } from '../../app/feedback';

/** 发送履职提醒: tells the chosen members (or everyone below the yearly minimum) what they still lack. */
export function RemindButton({ year, memberIds, label }: { year: number; memberIds?: string[]; label: string }) {
  const send = () =>
    run(() => api.post<RemindAnswer>(performancePaths.reminders, { year, memberIds })).then((r) => {
      if (r) feedback.message.success(`已提醒 ${r.reminded} 位委员${r.withoutAccount ? `（其中 ${r.withoutAccount} 位没有账号，未能送达）` : ''}`);
    });
  return (
    <Popconfirm title={`向${memberIds ? `选中的 ${memberIds.length} 位` : '所有未完成基本要求的'}委员发送履职提醒？`} onConfirm={send} disabled={memberIds?.length === 0}>
      <GuardedButton icon={<BellOutlined />} why={memberIds?.length === 0 ? '请先勾选要提醒的委员' : null} data-testid="performance-remind">{label}</GuardedButton>
    </Popconfirm>
  );
}
