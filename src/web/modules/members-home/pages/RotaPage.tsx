import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Card, DatePicker, Empty, Flex, Form, Input, List, Radio, Select, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { pathTo } from '@shared/http/paths';
import { cancelDutyBody, dutyInput } from '@shared/members-home/inputs';
import { weekdayLabels } from '@shared/members-home/labels';
import { homePaths } from '@shared/members-home/paths';
import type { HomeDuty, HomeOptions, Rota } from '@shared/members-home/responses';
import { api } from '../../../app/api';
import { can, toBody } from '../../../app/forms';
import { refetch, useGet } from '../../../app/query';
import { fieldRules } from '../../../app/rules';
import { FormModal } from '../../../app/ui/FormModal';
import { PageCard } from '../../../app/ui/PageCard';

const dutyRules = fieldRules(dutyInput);
const cancelRules = fieldRules(cancelDutyBody);

/** Director duties name their special committee; a chair's does not. */
function CommitteeField({ options }: { options: HomeOptions | undefined }) {
  const capacity = Form.useWatch('capacity');
  if (capacity !== 'director') return null;
  return (
    <Form.Item name="specialCommitteeId" label="专委会" rules={[{ required: true, message: '请选择专委会' }]}>
      <Select options={(options?.specialCommittees ?? []).map((c) => ({ value: c.id, label: c.name }))} data-testid="duty-committee" />
    </Form.Item>
  );
}

/**
 * 委员之家值班表: the month's open days with who is on duty. The general office and 委员科 assign
 * duty days (only on the days the Home opens, a setting) and cancel them with a reason.
 */
export default function RotaPage() {
  const [month, setMonth] = useState<Dayjs>(dayjs());
  const params = { month: month.format('YYYY-MM') };
  const { data, isPending } = useGet<Rota>(homePaths.duties, params, { keepPrevious: true });
  const { data: options } = useGet<HomeOptions>(homePaths.options);
  const [assigning, setAssigning] = useState(false);
  const [cancelling, setCancelling] = useState<HomeDuty | null>(null);
  const open = new Set(data?.openDays ?? []);
  const days = [...new Set([...(data?.openDays ?? []), ...(data?.items ?? []).map((d) => d.day)])].sort();
  const reload = () => refetch(homePaths.duties);
  return (
    <PageCard
      title="委员之家值班表"
      extra={
        <>
          <DatePicker picker="month" aria-label="月份" value={month} onChange={(m) => m && setMonth(m)} allowClear={false} />
          {can(data, 'create') && <Button type="primary" onClick={() => setAssigning(true)} data-testid="duty-assign">排班</Button>}
        </>
      }
    >
      {options && <Typography.Paragraph type="secondary">开放日：{options.openWeekdays.map((d) => weekdayLabels[d]).join('、')}</Typography.Paragraph>}
      <List
        loading={isPending}
        dataSource={days}
        locale={{ emptyText: <Empty description="本月委员之家不开放" /> }}
        renderItem={(day) => {
          const duties = (data?.items ?? []).filter((d) => d.day === day);
          return (
            <List.Item key={day}>
              <Card size="small" style={{ width: '100%' }} title={<span>{day} {weekdayLabels[((dayjs(day).day() + 6) % 7) + 1]}{!open.has(day) && <Tag style={{ marginLeft: 8 }}>不开放</Tag>}</span>}>
                {duties.length === 0 ? <Typography.Text type="secondary">尚未排班</Typography.Text> : (
                  <Flex vertical gap={6}>
                    {duties.map((d) => (
                      <Flex key={d.id} justify="space-between" align="center" wrap gap={8} data-testid="rota-duty">
                        <span>
                          <Link to={`/members-home/duties/${d.id}`} style={{ textDecoration: 'underline' }}>{d.memberName}</Link> · {d.capacityLabel}{d.specialCommitteeName ? `（${d.specialCommitteeName}）` : ''}
                          {d.status !== 'active' && <Tag style={{ marginLeft: 6 }}>{d.statusLabel}</Tag>}
                          {d.visitCount > 0 && <Typography.Text type="secondary"> · 接待{d.visitCount}人次</Typography.Text>}
                        </span>
                        {can(d, 'cancel') && <Button size="small" onClick={() => setCancelling(d)}>取消值班</Button>}
                      </Flex>
                    ))}
                  </Flex>
                )}
              </Card>
            </List.Item>
          );
        }}
      />
      <FormModal
        name="duty"
        open={assigning}
        title="排班"
        initialValues={{ capacity: 'chair', day: dayjs() }}
        save={(v) => api.post(homePaths.duties, toBody(v))}
        onSaved={() => { setAssigning(false); reload(); }}
        onClose={() => setAssigning(false)}
        success="已排班"
      >
        <Form.Item name="day" label="值班日期" rules={dutyRules.day}>
          <DatePicker disabledDate={(d) => !!options && !options.openWeekdays.includes(((d.day() + 6) % 7) + 1)} />
        </Form.Item>
        <Form.Item name="capacity" label="值班身份" rules={dutyRules.capacity}>
          <Radio.Group options={options?.capacities ?? []} />
        </Form.Item>
        <Form.Item name="memberId" label="值班委员" rules={dutyRules.memberId}>
          <Select showSearch optionFilterProp="label" options={(options?.members ?? []).map((m) => ({ value: m.id, label: m.name }))} data-testid="duty-member" />
        </Form.Item>
        <CommitteeField options={options} />
        <Form.Item name="note" label="备注" rules={dutyRules.note}>
          <Input placeholder="如：下午2:30—5:30" />
        </Form.Item>
      </FormModal>
      <FormModal
        name="cancelDuty"
        open={!!cancelling}
        title="取消值班"
        save={(v) => api.post(pathTo(homePaths.dutyCancel, { id: cancelling!.id }), { ...v, version: cancelling!.version })}
        onSaved={() => { setCancelling(null); reload(); }}
        onClose={() => setCancelling(null)}
        success="已取消"
      >
        <Form.Item name="reason" label="取消原因" rules={cancelRules.reason}>
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
      </FormModal>
    </PageCard>
  );
}
