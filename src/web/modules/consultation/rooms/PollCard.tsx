import { useState } from 'react';
import { Button, Card, Checkbox, Flex, List, Progress, Radio, Space, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { pathTo } from '@shared/http/paths';
import { consultationPaths } from '@shared/consultation/paths';
import type { RoomPoll } from '@shared/consultation/room-responses';
import { api } from '../../../app/api';
import { run } from '../../../app/errors';
import { GuardedButton } from '../../../app/ui/GuardedButton';

/** The result as bars: each option's share of the total, which is the sum of the parts (the portal shows it too). */
export function PollResult({ result }: { result: RoomPoll['result'] }) {
  return (
    <div data-testid="poll-result">
      {result.parts.map((p) => (
        <div key={p.option}>
          <Flex justify="space-between" gap={8}><span>{p.option}</span><span>{p.value}{result.unit}</span></Flex>
          <Progress percent={result.total ? Math.round((p.value * 100) / result.total) : 0} size="small" aria-label={`${p.option} ${p.value}${result.unit}`} />
        </div>
      ))}
      <Typography.Text type="secondary">共{result.voters}人参与，合计{result.total}{result.unit}</Typography.Text>
    </div>
  );
}

/** A ranking on a phone: the options in the member's order, each moved up or down by a button. */
function Ranking({ options, order, onChange }: { options: string[]; order: number[]; onChange(order: number[]): void }) {
  const move = (at: number, by: number) => {
    const next = [...order];
    [next[at], next[at + by]] = [next[at + by]!, next[at]!];
    onChange(next);
  };
  return (
    <List
      size="small"
      dataSource={order}
      renderItem={(option, at) => (
        // the first has no 上移 and the last no 下移, rather than a button that cannot be pressed
        <List.Item data-testid="poll-rank" actions={[
          at > 0 && <Button key="up" size="small" icon={<ArrowUpOutlined />} onClick={() => move(at, -1)} aria-label={`上移 ${options[option]}`} />,
          at < order.length - 1 && <Button key="down" size="small" icon={<ArrowDownOutlined />} onClick={() => move(at, 1)} aria-label={`下移 ${options[option]}`} />,
        ].filter(Boolean)}>
          {at + 1}. {options[option]}
        </List.Item>
      )}
    />
  );
}

/** 议政投票: single choice, multiple choice or ranking; the member's ballot can be changed while the room is open. */
export function PollCard({ poll }: { poll: RoomPoll }) {
  const all = poll.options.map((_, i) => i);
  const [choices, setChoices] = useState<number[]>(poll.myChoices ?? (poll.kind === 'ranking' ? all : []));
  const voting = poll.actions.includes('vote');
  const send = () => run(() => api.post(pathTo(consultationPaths.pollBallot, { id: poll.id }), { choices }), { success: poll.myChoices ? '已改投' : '投票成功' });
  return (
    <Card size="small" title={`【${poll.kindLabel}】${poll.question}`} style={{ marginBottom: 12 }} data-testid="poll-card">
      {voting && (
        <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
          {poll.kind === 'single' && (
            <Radio.Group aria-label={poll.question} value={choices[0]} onChange={(e) => setChoices([e.target.value])}>
              <Space direction="vertical">{poll.options.map((o, i) => <Radio key={o} value={i}>{o}</Radio>)}</Space>
            </Radio.Group>
          )}
          {poll.kind === 'multiple' && (
            <Checkbox.Group aria-label={poll.question} value={choices} onChange={(v) => setChoices(v as number[])}>
              <Space direction="vertical">{poll.options.map((o, i) => <Checkbox key={o} value={i}>{o}</Checkbox>)}</Space>
            </Checkbox.Group>
          )}
          {poll.kind === 'multiple' && poll.maxChoices && <Typography.Text type="secondary">最多可选{poll.maxChoices}项</Typography.Text>}
          {poll.kind === 'ranking' && <Ranking options={poll.options} order={choices} onChange={setChoices} />}
          <GuardedButton type="primary" block why={!choices.length && '请先选择'} onClick={send} data-testid="poll-vote">{poll.myChoices ? '改投' : '投票'}</GuardedButton>
        </Space>
      )}
      <PollResult result={poll.result} />
    </Card>
  );
}
