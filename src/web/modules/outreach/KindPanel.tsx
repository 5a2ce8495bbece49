import { useState } from 'react';
import { Button, Flex, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { pathTo } from '@shared/http/paths';
import { outreachKinds, type OwnedKind } from '@shared/outreach/labels';
import { outreachPaths } from '@shared/outreach/paths';
import type { AnyRecord, Contact, ContactPerson, Deed, OutreachOptions, Partner, Service } from '@shared/outreach/responses';
import { api } from '../../app/api';
import { run } from '../../app/errors';
import { can, formatDay } from '../../app/forms';
import { useGet } from '../../app/query';
import { CompleteForm, VoidForm } from './ActionForms';
import { OwnedForm } from './OwnedForm';
import { expandableBy, ownedDetails } from './RecordDetails';
import { statusColors } from './colors';

interface Props {
  kind: OwnedKind;
  options: OutreachOptions | undefined;
  year?: number;
  /** staff: only this member's records */
  memberId?: string;
  /** staff view: a member column */
  showMember?: boolean;
}

const status = (r: AnyRecord) => (
  <Space orientation="vertical" size={0}>
    <Tag color={statusColors[r.status]}>{r.statusLabel}</Tag>
    {r.voidReason && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.voidReason}</Typography.Text>}
  </Space>
);

/** A person met: name, their sector or affiliation (界别或单位) when known, and whether a paired contact. */
const personTag = (p: ContactPerson) => (
  <Tag key={p.name} color={p.partnerId ? 'gold' : undefined} title={p.sector ? `界别或单位：${p.sector}` : undefined} style={{ whiteSpace: 'normal', marginInlineEnd: 0 }}>
    {p.name}{p.sector ? `（${p.sector}）` : ''}{p.partnerId ? '·结对' : ''}
  </Tag>
);

/** The columns that say what a record is, per kind. */
function columnsOf(kind: OwnedKind): TableColumnsType<any> {
  switch (kind) {
    case 'partners':
      return [
        { title: '姓名', dataIndex: 'name', width: 120 },
        { title: '界别或单位', dataIndex: 'sector' },
        { title: '联系电话', dataIndex: 'phone', width: 140 },
      ] satisfies TableColumnsType<Partner>;
    case 'contacts':
      return [
        { title: '日期', dataIndex: 'day', width: 110, render: formatDay },
        { title: '方式', dataIndex: 'wayLabel', width: 70 },
        { title: '联系对象', dataIndex: 'people', width: 240, render: (_v, c: Contact) => <Flex wrap gap={4}>{c.people.map(personTag)}</Flex> },
        { title: '反映的问题', dataIndex: 'raised', ellipsis: true },
        { title: '跟进情况', dataIndex: 'followUp', ellipsis: true, width: 200 },
      ] satisfies TableColumnsType<Contact>;
    case 'deeds':
      return [
        { title: '事项', dataIndex: 'title' },
        { title: '受益群众', dataIndex: 'beneficiaries', width: 160 },
        { title: '开始日期', dataIndex: 'day', width: 110, render: formatDay },
        { title: '办结日期', dataIndex: 'completedOn', width: 110, render: formatDay },
      ] satisfies TableColumnsType<Deed>;
    case 'services':
      return [
        { title: '活动', dataIndex: 'title' },
        { title: '日期', dataIndex: 'day', width: 110, render: formatDay },
        { title: '时长（小时）', dataIndex: 'hours', width: 110 },
        { title: '地点', dataIndex: 'place', width: 160 },
      ] satisfies TableColumnsType<Service>;
  }
}

/**
 * One kind of outreach record: the list, an add button when the user may record, and per row the
 * buttons the server allowed (编辑, 办结, 解除结对, 作废).
 */
export function KindPanel({ kind, options, year, memberId, showMember }: Props) {
  const { data, isFetching: loading } = useGet<{ items: AnyRecord[] }>(pathTo(outreachPaths.owned, { kind }), { year: kind === 'partners' ? undefined : year, memberId });
  const [editing, setEditing] = useState<AnyRecord | null | undefined>(undefined);
  const [voiding, setVoiding] = useState<AnyRecord | null>(null);
  const [completing, setCompleting] = useState<Deed | null>(null);
  // every change is a write: the list and the quota beside it refetch by themselves
  const end = (p: AnyRecord) => run(() => api.post(pathTo(outreachPaths.partnerEnd, { id: p.id }), { version: p.version }), { success: '已解除结对' });

  const columns: TableColumnsType<AnyRecord> = [
    ...(showMember ? [{ title: '委员', dataIndex: 'memberName', width: 100 }] : []),
    ...columnsOf(kind),
    { title: '状态', dataIndex: 'statusLabel', width: 110, render: (_v, r) => status(r) },
    {
      title: '操作',
      width: 180,
      render: (_v, r) => (
        <Space size={0} wrap>
          {can(r, 'update') && <Button type="link" size="small" onClick={() => setEditing(r)}>编辑</Button>}
          {can(r, 'complete') && <Button type="link" size="small" onClick={() => setCompleting(r as Deed)} data-testid="deed-complete">办结</Button>}
          {can(r, 'end') && (
            <Popconfirm title={`解除与“${(r as Partner).name}”的结对？已记录的联系仍然有效。`} onConfirm={() => void end(r)}>
              <Button type="link" size="small">解除结对</Button>
            </Popconfirm>
          )}
          {can(r, 'void') && <Button type="link" size="small" danger onClick={() => setVoiding(r)}>作废</Button>}
        </Space>
      ),
    },
  ];

  return (
    <>
      <Flex justify="flex-end" style={{ marginBottom: 8 }}>
        {options?.canRecord && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid={`outreach-new-${kind}`}>新增{outreachKinds[kind]}</Button>
        )}
      </Flex>
      <Table<AnyRecord> rowKey="id" size="small" loading={loading} dataSource={data?.items} columns={columns} expandable={expandableBy(ownedDetails[kind])} pagination={{ pageSize: 20, hideOnSinglePage: true }} scroll={{ x: 800 }} data-testid={`outreach-table-${kind}`} />
      <OwnedForm kind={kind} open={editing !== undefined} record={editing} options={options} onClose={() => setEditing(undefined)} onSaved={() => setEditing(undefined)} />
      <VoidForm path={voiding && pathTo(outreachPaths.ownedVoid, { kind, id: voiding.id })} record={voiding} onClose={() => setVoiding(null)} onSaved={() => setVoiding(null)} />
      <CompleteForm deed={completing} onClose={() => setCompleting(null)} onSaved={() => setCompleting(null)} />
    </>
  );
}
