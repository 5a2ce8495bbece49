import { useState } from 'react';
import { Button, Empty, List, Progress, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { consultationPaths } from '@shared/consultation/paths';
import type { CouncilRow } from '@shared/consultation/council-responses';
import { can } from '../../../app/forms';
import { useGet } from '../../../app/query';
import { PageCard } from '../../../app/ui/PageCard';
import { CouncilCreateForm } from '../councils/CouncilDialogs';

export const councilColor: Record<string, string> = { collecting: 'default', topicSet: 'cyan', researching: 'blue', deliberating: 'geekblue', published: 'purple', following: 'orange', done: 'green', voided: 'red' };

/**
 * 基层协商: the committee's grassroots councils (民生议事会) — for a member, those they take part in.
 * Cards, not a table, so it reads on a phone; the general office opens new ones.
 */
export default function CouncilsPage() {
  const navigate = useNavigate();
  const [opening, setOpening] = useState(false);
  const { data, isFetching } = useGet<{ items: CouncilRow[]; actions: string[] }>(consultationPaths.councils);
  return (
    <PageCard
      title="基层协商"
      extra={can(data, 'create') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)} data-testid="council-new">发起基层协商</Button>}
    >
      <Typography.Paragraph type="secondary">“五方六步”：党组织、政府部门、政协委员、居民群众、专家五方参与，经收集民意、确定议题、议前调研、协商议事、公示公开、跟踪落实六个步骤。</Typography.Paragraph>
      <List
        loading={isFetching}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description="暂无基层协商议事会" /> }}
        renderItem={(c) => (
          <List.Item data-testid="council-card">
            <List.Item.Meta
              title={<Space wrap><Link to={`/consultation/councils/${c.id}`}>{c.topic}</Link><Tag color={councilColor[c.status]}>{c.statusLabel}</Tag></Space>}
              description={<>
                <div>{[c.organizer, c.place, c.day].filter(Boolean).join(' · ')}</div>
                <div>参加人员 {c.participantCount} 人{c.itemCount > 0 && ` · 议定事项 ${c.itemsDone}/${c.itemCount} 已落实`}</div>
                {c.step > 0 && <Progress percent={Math.round((Math.min(c.step, 6) / 6) * 100)} steps={6} size="small" showInfo={false} aria-label={`第${Math.min(c.step, 6)}步，共6步`} />}
              </>}
            />
          </List.Item>
        )}
      />
      <CouncilCreateForm open={opening} onClose={() => setOpening(false)} onSaved={(c) => navigate(`/consultation/councils/${c.id}`)} />
    </PageCard>
  );
}
