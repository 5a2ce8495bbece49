import { useState } from 'react';
import { Button, Input, Popconfirm, Space, Table, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { pathTo } from '@shared/http/paths';
import { catalogs, type CatalogKind } from '@shared/org/labels';
import { orgPaths } from '@shared/org/paths';
import type { CatalogItem, CatalogList } from '@shared/org/responses';
import { api } from '../../../app/api';
import { run } from '../../../app/errors';
import { can, toBody } from '../../../app/forms';
import { FormModal } from '../../../app/ui/FormModal';
import { PageCard } from '../../../app/ui/PageCard';
import { StatusTag } from '../../../app/ui/StatusTag';
import { useGet } from '../../../app/query';
import { CatalogFields } from './CatalogForm';
import { LinkButton } from '../../../app/ui/LinkButton';

/**
 * One page for all six organisation catalogs (界别、专委会、党派团体、街道联络组、委员工作室、承办单位).
 * Buttons come from the server's `actions`.
 */
export default function CatalogPage({ kind }: { kind: CatalogKind }) {
  const { label } = catalogs[kind];
  const kinds: Record<string, string> = catalogs[kind].kinds;
  const hasKinds = Object.keys(kinds).length > 0;
  const [q, setQ] = useState('');
  // the entry being edited is looked up in the list, so after a conflict the form follows the refetched record
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const { data, isFetching: loading } = useGet<CatalogList>(pathTo(orgPaths.catalog, { kind }), { q });
  const current = data?.items.find((i) => i.id === editing) ?? null;
  const itemPath = (item: CatalogItem) => pathTo(orgPaths.catalogItem, { kind, id: item.id });

  const toggle = (item: CatalogItem) => run(() => api.patch(itemPath(item), { version: item.version, active: !item.active }), { success: item.active ? '已停用' : '已启用' });

  const columns: TableColumnsType<CatalogItem> = [
    { title: '名称', dataIndex: 'name', fixed: 'left', width: 200 },
    ...(hasKinds ? [{ title: '类别', dataIndex: 'kind', width: 110, render: (k: string | null) => (k ? kinds[k] ?? k : '—') }] : []),
    { title: '排序', dataIndex: 'sortOrder', width: 70 },
    { title: '联系人', dataIndex: 'contactName', width: 100 },
    { title: '联系电话', dataIndex: 'contactPhone', width: 140 },
    { title: '备注', dataIndex: 'note', ellipsis: true },
    { title: '状态', dataIndex: 'active', width: 80, render: (a: boolean) => <StatusTag active={a} /> },
    {
      title: '操作',
      key: 'actions',
      width: 130,
      render: (_, item) =>
        can(item, 'update') && (
          <Space>
            <LinkButton onClick={() => setEditing(item.id)}>编辑</LinkButton>
            <Popconfirm title={item.active ? `停用后新建记录时不再可选，确定停用“${item.name}”？` : `启用“${item.name}”？`} onConfirm={() => toggle(item)}>
              <LinkButton>{item.active ? '停用' : '启用'}</LinkButton>
            </Popconfirm>
          </Space>
        ),
    },
  ];

  return (
    <PageCard
      title={label}
      extra={
        <>
          <Input.Search placeholder="按名称搜索" allowClear onSearch={setQ} style={{ width: 200 }} />
          {can(data, 'create') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              新增
            </Button>
          )}
        </>
      }
    >
      <Table rowKey="id" size="middle" columns={columns} dataSource={data?.items} loading={loading} pagination={{ defaultPageSize: 100, hideOnSinglePage: true }} scroll={{ x: 900 }} />
      <FormModal<CatalogItem>
        name="catalog"
        open={editing !== null}
        title={current ? `编辑${label}` : `新增${label}`}
        initialValues={current ?? { sortOrder: (data?.items.length ?? 0) + 1 }}
        save={(values) => (current ? api.patch(itemPath(current), { ...toBody(values), version: current.version }) : api.post(pathTo(orgPaths.catalog, { kind }), toBody(values)))}
        onSaved={() => setEditing(null)}
        onClose={() => setEditing(null)}
      >
        <CatalogFields kinds={kinds} />
      </FormModal>
    </PageCard>
  );
}
