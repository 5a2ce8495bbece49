import { useState } from 'react';
import { Button, Empty, List, Segmented, Space, Tag, Typography } from 'antd';
import { BulbOutlined } from '@ant-design/icons';
import { pathTo } from '@shared/http/paths';
import { consultationPaths } from '@shared/consultation/paths';
import type { TopicRow } from '@shared/consultation/responses';
import { api } from '../../../app/api';
import { useMe } from '../../../app/auth';
import { run } from '../../../app/errors';
import { can, formatDay } from '../../../app/forms';
import { useGet } from '../../../app/query';
import { PageCard } from '../../../app/ui/PageCard';
import { askNote } from '../actions';
import { TopicForm } from '../TopicForm';
import { useConsultationOptions } from '../useOptions';

const stateColor: Record<string, string> = { pending: 'orange', submitted: 'blue', adopted: 'green', declined: 'default', rejected: 'red', withdrawn: 'default' };
const actionLabels: Record<string, { label: string; ask?: string; required?: boolean }> = {
  publish: { label: '审核通过' },
  reject: { label: '审核不通过', ask: '审核不通过的理由', required: true },
  decline: { label: '不予采纳', ask: '不予采纳的理由（将告知提出人）', required: true },
  withdraw: { label: '撤回' },
};

/**
 * 协商选题: members suggest topics and follow what became of them; the office enters 党政点题、
 * 政协选题 and collected 群众出题, moderates public suggestions and declines with a reason. Cards,
 * so it reads the same on a phone.
 */
export default function TopicsPage() {
  const me = useMe();
  const options = useConsultationOptions();
  const office = me.roles.includes('admin') || (me.roles.includes('staff') && me.office === 'general');
  const [scope, setScope] = useState<'all' | 'mine' | 'moderation'>(office ? 'all' : 'mine');
  const [writing, setWriting] = useState(false);
  const { data, isFetching } = useGet<{ items: TopicRow[]; actions: string[] }>(consultationPaths.topics, { scope, year: options?.year }, { enabled: !!options, keepPrevious: true });

  const act = async (t: TopicRow, action: string) => {
    const a = actionLabels[action];
    const send = (note?: string) => api.post(pathTo(consultationPaths.topicAction, { id: t.id, action }), { version: t.version, ...(note ? { feedback: note } : {}) });
    if (a.ask) await askNote(a.ask, !!a.required, send);
    else await run(send, { success: `已${a.label}` });
  };

  return (
    <PageCard
      title="协商选题"
      extra={
        <Space wrap>
          <Segmented
            aria-label="范围"
            value={scope}
            onChange={(v) => setScope(v as typeof scope)}
            options={[...(office || me.roles.includes('leader') ? [{ value: 'all', label: '全部选题' }] : []), { value: 'mine', label: '我提出的' }, ...(office ? [{ value: 'moderation', label: '群众出题待审核' }] : [])]}
          />
          {can(data, 'create') && (
            <Button type="primary" icon={<BulbOutlined />} onClick={() => setWriting(true)} data-testid="topic-suggest">
              提出选题
            </Button>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        年度协商议题来自党政点题、政协选题、委员荐题、群众出题，经遴选列入年度协商计划，并经专委会基础审查、办公室研究审查、主席会议协商审查、党委常委会终审。
      </Typography.Paragraph>
      <List
        loading={isFetching}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description="暂无选题" /> }}
        renderItem={(t) => (
          <List.Item data-testid="topic-row" actions={t.actions.map((a) => (
            <Button key={a} size="small" onClick={() => act(t, a)} data-testid={`topic-${a}`}>{actionLabels[a]?.label ?? a}</Button>
          ))}>
            <List.Item.Meta
              title={<Space wrap><span>{t.title}</span><Tag color={stateColor[t.status]}>{t.statusLabel}</Tag></Space>}
              description={
                <>
                  <div>{t.sourceLabel} · {t.proposerName} · {formatDay(t.createdAt)}{t.contact ? ` · 联系方式：${t.contact}` : ''}</div>
                  <div style={{ whiteSpace: 'pre-wrap' }}>{t.reason}</div>
                  {t.feedback && <div>处理意见：{t.feedback}</div>}
                </>
              }
            />
          </List.Item>
        )}
      />
      <TopicForm open={writing} options={options} onClose={() => setWriting(false)} onSaved={() => setWriting(false)} />
    </PageCard>
  );
}
