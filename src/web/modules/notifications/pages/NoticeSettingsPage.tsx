import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, List, Radio, Switch, Tag, TimePicker, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { notificationPrefsBody } from '@shared/notifications/inputs';
import { notificationPaths } from '@shared/notifications/paths';
import type { NotificationPrefs } from '@shared/notifications/responses';
import { api } from '../../../app/api';
import { submitForm } from '../../../app/errors';
import { formatTime } from '../../../app/forms';
import { useGet } from '../../../app/query';
import { fieldRules } from '../../../app/rules';
import { PageCard } from '../../../app/ui/PageCard';

const rules = fieldRules(notificationPrefsBody);
const hhmm = (d: Dayjs | null | undefined) => (d ? d.format('HH:mm') : null);
const asTime = (s: string | null) => (s ? dayjs(`2000-01-01T${s}`) : null);

/**
 * 消息接收设置: besides the app, notices can reach a person by e-mail and SMS — each at once or in
 * one daily digest, never in their quiet hours. A channel the server has no mail server or gateway
 * for is shown switched off with the reason; the latest deliveries say what went out and when.
 */
export default function NoticeSettingsPage() {
  const { data, refetch } = useGet<NotificationPrefs>(notificationPaths.prefs);
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const emailOn = Form.useWatch('emailOn', form);
  const digest = Form.useWatch('digest', form);

  useEffect(() => {
    if (data) form.setFieldsValue({ ...data, digestAt: asTime(data.digestAt), quietFrom: asTime(data.quietFrom), quietTo: asTime(data.quietTo) });
  }, [data, form]);
  if (!data) return null;

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    const body = { version: data.version, emailOn: !!v.emailOn, email: v.email || null, smsOn: !!v.smsOn, digest: v.digest, digestAt: hhmm(v.digestAt) ?? '18:00', quietFrom: hhmm(v.quietFrom), quietTo: hhmm(v.quietTo) };
    await submitForm(form, () => api.put(notificationPaths.prefs, body), { success: '已保存消息接收设置', onConflict: () => void refetch() });
    setBusy(false);
  };

  return (
    <PageCard title="消息接收设置">
      <Typography.Paragraph type="secondary">站内消息总会在“消息”中显示；您还可以选择通过邮件或短信接收。</Typography.Paragraph>
      <Form form={form} name="notice-settings" layout="vertical" autoComplete="off" style={{ maxWidth: 520 }}>
        <Form.Item name="emailOn" label="邮件通知" valuePropName="checked" extra={data.available.email ? undefined : '本系统未配置邮件服务器，暂不能开启'}>
          <Switch disabled={!data.available.email} />
        </Form.Item>
        {emailOn && (
          <Form.Item name="email" label="电子邮箱" rules={rules.email}>
            <Input type="email" inputMode="email" autoComplete="email" />
          </Form.Item>
        )}
        <Form.Item name="smsOn" label="短信通知" valuePropName="checked" extra={!data.available.sms ? '本系统未配置短信网关，暂不能开启' : data.phone ? `发送到 ${data.phone}` : '账号未登记手机号码，请联系管理员'}>
          <Switch disabled={!data.available.sms || !data.phone} />
        </Form.Item>
        <Form.Item name="digest" label="发送方式" rules={rules.digest}>
          <Radio.Group options={[{ value: 'instant', label: '每条即时发送' }, { value: 'daily', label: '每日汇总一次' }]} />
        </Form.Item>
        {digest === 'daily' && (
          <Form.Item name="digestAt" label="每日汇总时间">
            <TimePicker format="HH:mm" minuteStep={15} allowClear={false} inputReadOnly />
          </Form.Item>
        )}
        <Form.Item label="免打扰时段" extra="此时段内不发送邮件和短信，结束后再发；可跨午夜，如 22:00 至 07:00">
          <Form.Item name="quietFrom" noStyle>
            <TimePicker format="HH:mm" minuteStep={15} placeholder="开始" aria-label="免打扰开始" inputReadOnly />
          </Form.Item>
          <span style={{ margin: '0 8px' }}>至</span>
          <Form.Item name="quietTo" noStyle>
            <TimePicker format="HH:mm" minuteStep={15} placeholder="结束" aria-label="免打扰结束" inputReadOnly />
          </Form.Item>
        </Form.Item>
        <Button type="primary" loading={busy} onClick={() => void save()} data-testid="notice-settings-save">
          保存
        </Button>
      </Form>
      <Typography.Title level={2} style={{ fontSize: 16, marginTop: 24 }}>最近发送</Typography.Title>
      {data.recent.length === 0 ? (
        <Alert type="info" showIcon title="还没有通过邮件或短信发送的消息" />
      ) : (
        <List
          size="small"
          dataSource={data.recent}
          data-testid="notice-deliveries"
          renderItem={(d) => (
            <List.Item>
              <div>
                <Tag>{d.channelLabel}</Tag>
                {d.title}
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {d.sentAt ? `${formatTime(d.sentAt)} 已发送` : d.failedAt ? `${formatTime(d.failedAt)} 发送失败` : `待发送（${formatTime(d.dueAt)}${d.digest ? '，每日汇总' : ''}）`}
                  </Typography.Text>
                </div>
              </div>
            </List.Item>
          )}
        />
      )}
    </PageCard>
  );
}
