import { useState } from 'react';
import { Button, List, Segmented, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { handlingPaths } from '@shared/handling/paths';
import type { PromiseItem, PromiseList as Promises } from '@shared/handling/responses';
import { useGet } from '../../app/query';
import { PromiseOutcomeDialog } from './PromiseOutcomeDialog';

const stateColors: Record<string, string> = { due: 'red', pending: 'blue', recorded: 'default' };
export const outcomeColors: Record<string, string> = { kept: 'green', partly: 'gold', broken: 'red' };

/** When a promise falls due, in words: 还有N天 / 今天到期 / 已到期N天. */
const when = (i: PromiseItem) => (i.state === 'recorded' ? null : i.daysPast < 0 ? `还有${-i.daysPast}天` : i.daysPast === 0 ? '今天到期' : `已到期${i.daysPast}天`);

/** One promise as a card: the record, who promised what by when, where it stands, the outcome and its note. */
function PromiseCard({ item, onRecord }: { item: PromiseItem; onRecord(): void }) {
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%', minWidth: 0 }} data-testid="promise-item">
      <Link to={item.link} style={{ fontWeight: 500, wordBreak: 'break-all' }}>
        {item.title}
      </Link>
      <Space size={[4, 4]} wrap>
        <Tag color="geekblue">{item.typeLabel}</Tag>
        <Tag>{item.unitName}</Tag>
        <Tag color={stateColors[item.state]}>{item.stateLabel}</Tag>
        {item.outcomeLabel && <Tag color={outcomeColors[item.outcome ?? '']}>{item.outcomeLabel}</Tag>}
      </Space>
      <Typography.Text style={{ wordBreak: 'break-all' }}>
        承诺：{item.promise}（{item.promisedBy} 前）{when(item) && <Typography.Text type={item.state === 'due' ? 'danger' : 'secondary'}> · {when(item)}</Typography.Text>}
      </Typography.Text>
      {item.note && (
        <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
          {item.checkedOn} 核实：{item.note}
          {item.recordedBy ? `（${item.recordedBy}登记）` : ''}
        </Typography.Text>
      )}
      {item.actions.includes('record') && (
        <Button size="small" type={item.state === 'due' ? 'primary' : 'default'} onClick={onRecord} style={{ alignSelf: 'flex-start' }} data-testid="promise-record">
          {item.state === 'recorded' ? '更正兑现情况' : '登记兑现情况'}
        </Button>
      )}
    </Space>
  );
}

/**
 * 承诺兑现: the promises replies made (列入计划) that this person reads — a unit its own, the office
 * those of its types — due first, filtered by where they stand, each recordable once due. Cards,
 * not a table, so a phone shows them whole.
 */
export function PromiseList({ type, initialState = 'due' }: { type?: string; initialState?: string }) {
  const [state, setState] = useState(initialState);
  const [recording, setRecording] = useState<PromiseItem | null>(null);
  const { data, isPending } = useGet<Promises>(handlingPaths.promises, { type });
  const c = data?.counts;
  const items = (data?.items ?? []).filter((i) => state === 'all' || i.state === state);
  const filters = [
    { value: 'due', label: `到期待登记 ${c?.due ?? 0}` },
    { value: 'pending', label: `未到期 ${c?.pending ?? 0}` },
    { value: 'recorded', label: `已登记 ${c?.recorded ?? 0}` },
    { value: 'all', label: '全部' },
  ];
  return (
    <>
      <Segmented value={state} onChange={(v) => setState(String(v))} options={filters} aria-label="承诺状态" data-testid="promise-states" style={{ maxWidth: '100%', overflowX: 'auto' }} />
      {c && c.recorded > 0 && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }} data-testid="promise-counts">
          已登记{c.recorded}项：已兑现{c.kept}项，部分兑现{c.partly}项，未兑现{c.broken}项。
        </Typography.Paragraph>
      )}
      <List<PromiseItem>
        loading={isPending}
        dataSource={items}
        locale={{ emptyText: state === 'due' ? '没有到期待登记的承诺' : '暂无承诺事项' }}
        data-testid="promises"
        renderItem={(item) => (
          <List.Item key={item.id} style={{ display: 'block' }}>
            <PromiseCard item={item} onRecord={() => setRecording(item)} />
          </List.Item>
        )}
      />
      <PromiseOutcomeDialog item={recording} onClose={() => setRecording(null)} onSaved={() => setRecording(null)} />
    </>
  );
}
