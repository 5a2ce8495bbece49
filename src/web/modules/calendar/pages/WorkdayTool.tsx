import { useState } from 'react';
import { Button, DatePicker, Form, InputNumber, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { addWorkdaysQuery } from '@shared/calendar/inputs';
import { calendarPaths } from '@shared/calendar/paths';
import type { WorkdayAnswer } from '@shared/calendar/responses';
import { queryString } from '@shared/http/paths';
import { api } from '../../../app/api';
import { submitForm } from '../../../app/errors';
import { fieldRules } from '../../../app/rules';

const rules = fieldRules(addWorkdaysQuery);

/** N个工作日后是哪天: the same calculation the server uses for handling deadlines. */
export function WorkdayTool() {
  const [form] = Form.useForm();
  const [answer, setAnswer] = useState<string | null>(null);

  const compute = async ({ from, n }: { from: Dayjs; n: number }) => {
    const result = await submitForm(form, () => api.get<WorkdayAnswer>(`${calendarPaths.addWorkdays}${queryString({ from: from.format('YYYY-MM-DD'), n })}`));
    setAnswer(result ? result.date : null);
  };

  return (
    <>
      <Form form={form} layout="inline" onFinish={compute} initialValues={{ from: dayjs(), n: 5 }} style={{ rowGap: 8 }}>
        <Form.Item name="from" label="从" rules={rules.from}>
          <DatePicker allowClear={false} />
        </Form.Item>
        <Form.Item name="n" label="起" rules={rules.n}>
          <InputNumber min={-1000} max={1000} precision={0} suffix="个工作日" style={{ width: 150 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            计算
          </Button>
        </Form.Item>
      </Form>
      {answer && (
        <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }} data-testid="workday-answer">
          结果：<Typography.Text strong>{dayjs(answer).format('YYYY年M月D日 dddd')}</Typography.Text>
        </Typography.Paragraph>
      )}
    </>
  );
}
