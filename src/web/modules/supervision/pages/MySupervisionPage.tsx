import { useState } from 'react';
import { Button, Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { supervisionPaths } from '@shared/supervision/paths';
import type { SuggestionRow, SupervisionGroup } from '@shared/supervision/responses';
import { can } from '../../../app/forms';
import { useGet } from '../../../app/query';
import { PageCard } from '../../../app/ui/PageCard';
import { SuggestionCards } from '../SuggestionCards';
import { SuggestionForm } from '../SuggestionForm';
import { ActivityList } from '../GroupActivities';

/** 我的监督小组: the member's group (leader, members, the units it supervises) and its suggestions. */
export default function MySupervisionPage() {
  const navigate = useNavigate();
  const [writing, setWriting] = useState(false);
  const { data: groups } = useGet<{ items: SupervisionGroup[] }>(supervisionPaths.groups);
  const { data, isFetching } = useGet<{ items: SuggestionRow[]; actions: string[] }>(supervisionPaths.suggestions, { scope: 'mine' });
  const mine = (groups?.items ?? []).filter((g) => g.mine);
  return (
    <Flex vertical gap={16}>
      <PageCard
        title="我的监督小组"
        extra={mine.length > 0 && can(data, 'create') && (
          <Button type="primary" icon={<EditOutlined />} onClick={() => setWriting(true)} data-testid="suggestion-write">
            起草监督建议
          </Button>
        )}
      >
        {groups && mine.length === 0 && <Empty description="您尚未加入民主监督小组" />}
        <List
          dataSource={mine}
          renderItem={(g) => (
            <List.Item>
              <Card size="small" title={<span style={{ whiteSpace: 'normal' }}>{g.name}（{g.term}）</span>} style={{ width: '100%' }} data-testid="my-group">
                <Flex vertical gap={6}>
                  <div>组长：{g.leaderName}</div>
                  <div>
                    成员：
                    {g.members.map((m) => (
                      <Tag key={m.id}>{m.name}{m.role === 'leader' ? '（组长）' : ''}</Tag>
                    ))}
                  </div>
                  <div>
                    监督单位：
                    {g.units.map((u) => (
                      <Tag key={u.id} color="blue">{u.name}</Tag>
                    ))}
                  </div>
                  {g.description && <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{g.description}</Typography.Paragraph>}
                  <strong>监督活动</strong>
                  <ActivityList items={g.activities} empty="本组尚无监督活动" />
                </Flex>
              </Card>
            </List.Item>
          )}
        />
      </PageCard>
      <PageCard title="本组监督建议" level={2}>
        <SuggestionCards rows={data?.items} loading={isFetching && !data} />
      </PageCard>
      <SuggestionForm open={writing} draft={null} onClose={() => setWriting(false)} onSaved={(s) => { setWriting(false); navigate(`/supervision/suggestions/${s.id}`); }} />
    </Flex>
  );
}
