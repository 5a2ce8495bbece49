import { useState } from 'react';
import { Button, DatePicker, Form, Input, Radio, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { noticeDay } from '@shared/calendar/inputs';
import { calendarPaths } from '@shared/calendar/paths';
import { api } from '../../../app/api';
import { submitForm } from '../../../app/errors';
import { fieldRules } from '../../../app/rules';
import { NoticeImport } from './NoticeImport';

const rules = fieldRules(noticeDay);

interface Row {
  day: Dayjs;
  name: string;
  isOffDay: boolean;
}

/**
 * 录入放假安排: the rows of a year's official notice (国务院办公厅关于…放假安排的通知). Every holiday
 * date and every make-up working day is one row; a corrected notice replaces the same dates.
 */
export function NoticeForm({ year }: { year: number }) {
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);

  const save = async ({ days }: { days: Row[] }) => {
    setBusy(true);
    const body = { year, days: days.map((d) => ({ day: d.day.format('YYYY-MM-DD'), name: d.name, isOffDay: d.isOffDay })) };
    const ok = await submitForm(form, () => api.post(calendarPaths.notice, body), { success: `已保存${year}年放假安排` });
    setBusy(false);
    // the year on screen refetches by itself after the write
    if (ok) form.resetFields();
  };

  return (
    <>
      <NoticeImport year={year} onRows={(rows) => form.setFieldsValue({ days: rows.map((r) => ({ ...r, day: dayjs(r.day) })) })} />
      <Form form={form} onFinish={save} initialValues={{ days: [{ isOffDay: true }] }} autoComplete="off">
        <Form.List name="days">
          {(fields, { add, remove }) => (
            <>
              {fields.map(({ key, name }) => (
                <Space key={key} wrap align="baseline" style={{ display: 'flex', marginBottom: 4 }}>
                  <Form.Item name={[name, 'day']} rules={rules.day}>
                    <DatePicker placeholder="日期" style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name={[name, 'name']} rules={rules.name}>
                    <Input placeholder="如 国庆节" style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[name, 'isOffDay']}>
                    <Radio.Group options={[{ value: true, label: '放假' }, { value: false, label: '调休上班' }]} optionType="button" />
                  </Form.Item>
                  {fields.length > 1 && <MinusCircleOutlined aria-label="删除此行" onClick={() => remove(name)} />}
                </Space>
              ))}
              <Space wrap>
                <Button icon={<PlusOutlined />} onClick={() => add({ isOffDay: true })}>
                  添加一行
                </Button>
                <Button type="primary" htmlType="submit" loading={busy}>
                  保存{year}年放假安排
                </Button>
              </Space>
            </>
          )}
        </Form.List>
      </Form>
    </>
  );
}
