import { DatePicker, Form, Input } from 'antd';
import dayjs from 'dayjs';
import { pathTo } from '@shared/http/paths';
import { checkinInput } from '@shared/learning/inputs';
import { learningPaths } from '@shared/learning/paths';
import type { GroupDetail, GroupRow } from '@shared/learning/responses';
import { api } from '../../app/api';
import { toBody } from '../../app/forms';
import { fieldRules } from '../../app/rules';
import { FormModal } from '../../app/ui/FormModal';

const rules = fieldRules(checkinInput);

/** 打卡: the day (today unless changed; never a future day or outside the group's period), what was read, the note. */
export function CheckinForm({ group, open, onClose, onSaved }: { group: GroupRow | null; open: boolean; onClose(): void; onSaved(g: GroupDetail): void }) {
  const today = dayjs().format('YYYY-MM-DD');
  return (
    <FormModal<GroupDetail>
      name="checkin"
      open={open}
      title={group ? `读书打卡：《${group.bookTitle}》` : '读书打卡'}
      initialValues={{ day: dayjs(today) }}
      save={(v) => api.post(pathTo(learningPaths.groupCheckins, { id: group!.id }), toBody(v))}
      onSaved={onSaved}
      onClose={onClose}
      success="打卡成功"
    >
      <Form.Item name="day" label="打卡日期" rules={rules.day}>
        <DatePicker style={{ width: '100%' }} inputReadOnly data-testid="checkin-day"
          disabledDate={(d) => { const s = d.format('YYYY-MM-DD'); return s > today || (!!group && (s < group.startsOn || s > group.endsOn)); }} />
      </Form.Item>
      <Form.Item name="reading" label="阅读内容" rules={rules.reading} extra="如：第三章 第45—80页">
        <Input data-testid="checkin-reading" />
      </Form.Item>
      <Form.Item name="note" label="读书心得" rules={rules.note}>
        <Input.TextArea rows={4} data-testid="checkin-note" />
      </Form.Item>
    </FormModal>
  );
}
