import { Button, Form, Radio } from 'antd';
import { ballotChoices } from '@shared/evaluation/labels';
import { api } from '../../app/api';
import { run } from '../../app/errors';

const options = Object.entries(ballotChoices).map(([value, label]) => ({ value, label }));

/**
 * One department's secret ballot: a choice per indicator, sent once to `url` — by a member, a
 * representative's link or the public alike; what was chosen is kept nowhere, only counted.
 */
export function Ballot({ indicators, unitId, name, url, thanks = '' }: { indicators: { key: string; label: string }[]; unitId: string; name: string; url: string; thanks?: string }) {
  const [form] = Form.useForm();
  const send = (answers: Record<string, string>) => run(() => api.post(url, { unitId, answers }), { success: `已提交对${name}的评议${thanks}` });
  return (
    <Form form={form} layout="vertical" name={`ballot-${unitId}`} onFinish={send} requiredMark={false}>
      {indicators.map((i) => (
        <Form.Item key={i.key} name={i.key} label={i.label} rules={[{ required: true, message: `请对“${i.label}”作出选择` }]} style={{ marginBottom: 10 }}>
          <Radio.Group options={options} optionType="button" buttonStyle="solid" size="middle" />
        </Form.Item>
      ))}
      <Button type="primary" htmlType="submit" block data-testid="ballot-submit">提交对{name}的评议</Button>
    </Form>
  );
}
