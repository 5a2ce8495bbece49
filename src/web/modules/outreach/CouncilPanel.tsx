import { useState } from 'react';
import { Button, Flex, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { pathTo } from '@shared/http/paths';
import { outreachPaths } from '@shared/outreach/paths';
import type { Council, OutreachOptions } from '@shared/outreach/responses';
import { can, formatDay } from '../../app/forms';
import { useGet } from '../../app/query';
import { CouncilForm, VoidForm } from './ActionForms';
import { councilDetails, expandableBy } from './RecordDetails';
import { statusColors } from './colors';

/** 民生议事会: staff record, edit and void them; a member sees the councils they took part in. */
export function CouncilPanel({ options, year, memberId }: { options: OutreachOptions | undefined; year?: number; memberId?: string }) {
  const { data, isFetching: loading } = useGet<{ items: Council[] }>(outreachPaths.councils, { year, memberId });
  const [editing, setEditing] = useState<Council | null | undefined>(undefined);
  const [voiding, setVoiding] = useState<Council | null>(null);
  return (
    <>
      <Flex justify="flex-end" style={{ marginBottom: 8 }}>
        {options?.canRecordCouncil && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="council-new">记录民生议事会</Button>}
      </Flex>
      <Table<Council>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 800 }}
        expandable={expandableBy(councilDetails)}
        data-testid="outreach-table-councils"
        columns={[
          { title: '日期', dataIndex: 'day', width: 110, render: formatDay },
          { title: '议题', dataIndex: 'topic' },
          { title: '地点', dataIndex: 'place', width: 160 },
          { title: '参加委员', dataIndex: 'members', render: (_v, c) => <Typography.Text ellipsis={{ tooltip: true }} style={{ maxWidth: 260 }}>{c.members.map((m) => m.name).join('、')}</Typography.Text> },
          { title: '状态', dataIndex: 'statusLabel', width: 110, render: (v, c) => <Space orientation="vertical" size={0}><Tag color={statusColors[c.status]}>{v}</Tag>{c.voidReason && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{c.voidReason}</Typography.Text>}</Space> },
          {
            title: '操作',
            width: 120,
            render: (_v, c) => (
              <Space size={0}>
                {can(c, 'update') && <Button type="link" size="small" onClick={() => setEditing(c)}>编辑</Button>}
                {can(c, 'void') && <Button type="link" size="small" danger onClick={() => setVoiding(c)}>作废</Button>}
              </Space>
            ),
          },
        ]}
      />
      <CouncilForm open={editing !== undefined} council={editing ?? null} onClose={() => setEditing(undefined)} onSaved={() => setEditing(undefined)} />
      <VoidForm path={voiding && pathTo(outreachPaths.councilVoid, { id: voiding.id })} record={voiding} onClose={() => setVoiding(null)} onSaved={() => setVoiding(null)} />
    </>
  );
}
