import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Card, Empty, Flex, Form, Input, List, Typography } from 'antd';
import { pathTo } from '@shared/http/paths';
import { profileInput } from '@shared/studios/inputs';
import { studioPaths } from '@shared/studios/paths';
import type { StudioList, StudioRow } from '@shared/studios/responses';
import { api } from '../../../app/api';
import { can } from '../../../app/forms';
import { useGet } from '../../../app/query';
import { fieldRules } from '../../../app/rules';
import { FormModal } from '../../../app/ui/FormModal';
import { PageCard } from '../../../app/ui/PageCard';

const rules = fieldRules(profileInput);

/** 工作室公开信息: where each studio is, when it opens and what it does, as the portal shows it. */
export default function StudioProfilesPage() {
  const { data, isPending } = useGet<StudioList>(studioPaths.list);
  const [editing, setEditing] = useState<StudioRow | null>(null);
  return (
    <PageCard title="工作室公开信息">
      <List
        loading={isPending}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description="暂无委员工作室（在组织机构中添加）" /> }}
        renderItem={(s) => (
          <List.Item key={s.id}>
            <Card size="small" style={{ width: '100%' }} data-testid="studio-profile">
              <Flex justify="space-between" align="start" gap={8} wrap>
                <Link to={`/portal/studios/${s.id}`} style={{ fontSize: 16 }}>{s.name}</Link>
                {can(s, 'profile') && <Button onClick={() => setEditing(s)} data-testid="studio-edit">编辑公开信息</Button>}
              </Flex>
              <Typography.Text type="secondary">
                {[s.kindLabel, `委员${s.memberCount}名`, s.place || '未填地点', s.openingHours || '未填开放时间'].filter(Boolean).join(' · ')}
              </Typography.Text>
              {s.introduction && <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '6px 0 0' }}>{s.introduction}</Typography.Paragraph>}
            </Card>
          </List.Item>
        )}
      />
      <FormModal
        name="profile"
        open={!!editing}
        title={`编辑公开信息：${editing?.name ?? ''}`}
        initialValues={editing ? { place: editing.place, openingHours: editing.openingHours, introduction: editing.introduction } : undefined}
        save={(v) => api.patch<StudioRow>(pathTo(studioPaths.profile, { id: editing!.id }), { version: editing!.version, place: '', openingHours: '', introduction: '', ...v })}
        onSaved={() => setEditing(null)}
        onClose={() => setEditing(null)}
      >
        <Form.Item name="place" label="地点" rules={rules.place}>
          <Input placeholder="如：龙城街道 爱联社区党群服务中心二楼" />
        </Form.Item>
        <Form.Item name="openingHours" label="开放时间" rules={rules.openingHours}>
          <Input placeholder="如：每周三下午 14:30—17:30" />
        </Form.Item>
        <Form.Item name="introduction" label="简介" rules={rules.introduction}>
          <Input.TextArea autoSize={{ minRows: 4 }} showCount maxLength={2000} />
        </Form.Item>
      </FormModal>
    </PageCard>
  );
}
