import { Button, Card, Flex, Form, Radio, Tag, Typography } from 'antd';
import { CheckCircleOutlined } from '@ant-design/icons';
import { ballotChoices } from '@shared/evaluation/labels';
import type { PublicQuestionnaire } from '@shared/evaluation/responses';
import { api } from '../../../app/api';
import { run } from '../../../app/errors';
import { formatDay } from '../../../app/forms';

const options = Object.entries(ballotChoices).map(([value, label]) => ({ value, label }));

/** One department's ballot: a choice per indicator, sent once to `url`. */
function Ballot({ q, unitId, name, url }: { q: PublicQuestionnaire; unitId: string; name: string; url: string }) {
  const [form] = Form.useForm();
  const send = (answers: Record<string, string>) => run(() => api.post(url, { unitId, answers }), { success: `已提交对${name}的评议，感谢您的参与` });
  return (
    <Form form={form} layout="vertical" name={`ballot-${unitId}`} onFinish={send} requiredMark={false}>
      {q.indicators.map((i) => (
        <Form.Item key={i.key} name={i.key} label={i.label} rules={[{ required: true, message: `请对“${i.label}”作出选择` }]} style={{ marginBottom: 10 }}>
          <Radio.Group options={options} optionType="button" buttonStyle="solid" size="middle" />
        </Form.Item>
      ))}
      <Button type="primary" htmlType="submit" block data-testid="ballot-submit">提交对{name}的评议</Button>
    </Form>
  );
}

/**
 * The departments of a questionnaire as cards, phone-first: the choices for every indicator while
 * it is open, 已提交 once answered (the server keeps counts only — what was chosen is kept nowhere).
 * Used by a representative's personal link and by the portal's public questionnaire.
 */
export function PublicBallots({ q, url }: { q: PublicQuestionnaire; url: string }) {
  return (
    <Flex vertical gap={8}>
      <Flex wrap gap={6} align="center">
        <Typography.Text data-testid="questionnaire-progress">已评议 {q.respondedCount}/{q.departments.length} 个部门</Typography.Text>
        {q.open && <Typography.Text type="secondary">{formatDay(q.closesOn)}前填写</Typography.Text>}
      </Flex>
      {q.departments.map((d) => (
        <Card key={d.unitId} size="small" title={<span style={{ whiteSpace: 'normal' }}>{d.name}</span>} extra={d.responded ? <Tag icon={<CheckCircleOutlined />} color="green">已提交</Tag> : null} data-testid="ballot-card">
          {d.responded ? <Typography.Text type="secondary">已提交对该部门的评议。</Typography.Text> : q.open ? <Ballot q={q} unitId={d.unitId} name={d.name} url={url} /> : <Typography.Text type="secondary">问卷不在填写期间。</Typography.Text>}
        </Card>
      ))}
    </Flex>
  );
}
