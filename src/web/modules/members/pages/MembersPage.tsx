import { useState } from 'react';
import { Button, Flex, Input, Select, Table, Tag, type TableColumnsType } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { optionsOf } from '@shared/labels';
import type { memberQuery } from '@shared/members/inputs';
import { positionLabels } from '@shared/members/labels';
import { memberPaths } from '@shared/members/paths';
import type { Member, MemberList } from '@shared/members/responses';
import type { z } from 'zod';
import { downloadFile } from '../../../app/errors';
import { can } from '../../../app/forms';
import { PageCard } from '../../../app/ui/PageCard';
import { useGet } from '../../../app/query';
import { useOrgOptions } from '../../org/useOrgOptions';
import { MemberDrawer } from './MemberDrawer';
import { MemberImport } from './MemberImport';
import { LinkButton } from '../../../app/ui/LinkButton';

type MemberFilters = Pick<z.input<typeof memberQuery>, 'q' | 'sectorId' | 'specialCommitteeId' | 'position'>;
const dash = (v: string | null | undefined) => v || '—';

/** 委员管理: the roster with server-side search, filters and paging; Excel in and out. */
export default function MembersPage() {
  const [filters, setFilters] = useState<MemberFilters>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<Member | 'new' | null>(null);
  const { options, terms } = useOrgOptions(['sectors', 'special-committees', 'parties', 'studios', 'street-groups'], true);
  const { data, isFetching: loading } = useGet<MemberList>(memberPaths.list, { ...filters, ...page }, { keepPrevious: true });

  const filter = (change: MemberFilters) => {
    setFilters((f) => ({ ...f, ...change }));
    setPage((p) => ({ ...p, page: 1 }));
  };

  const columns: TableColumnsType<Member> = [
    { title: '编号', dataIndex: 'code', width: 90, fixed: 'left' },
    { title: '姓名', dataIndex: 'name', width: 90, fixed: 'left', render: (n: string, m) => (m.status === 'resigned' ? <>{n} <Tag>已离任</Tag></> : n) },
    { title: '性别', dataIndex: 'gender', width: 60 },
    { title: '民族', dataIndex: 'ethnicity', width: 80, render: dash },
    { title: '界别', dataIndex: 'sectorName', width: 140, render: dash },
    { title: '党派', dataIndex: 'partyName', width: 100, render: dash },
    { title: '职务', dataIndex: 'positionLabel', width: 80 },
    { title: '专委会', dataIndex: 'specialCommitteeNames', width: 160, render: (names: string[]) => (names.length ? names.join('、') : '—') },
    { title: '工作室', dataIndex: 'studioName', width: 140, render: dash },
    { title: '工作单位及职务', key: 'work', width: 240, ellipsis: true, render: (_, m) => [m.workplace, m.jobTitle].filter(Boolean).join(' ') || '—' },
    { title: '电话', dataIndex: 'phone', width: 130, render: dash },
    { title: '操作', key: 'op', width: 70, fixed: 'right', render: (_, m) => can(m, 'update') && <LinkButton onClick={() => setEditing(m)}>编辑</LinkButton> },
  ];

  return (
    <PageCard
      title="委员管理"
      extra={
        <>
          {can(data, 'create') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="member-add">
              新增委员
            </Button>
          )}
          {can(data, 'import') && <MemberImport />}
          {can(data, 'export') && (
            <Button icon={<DownloadOutlined />} onClick={() => downloadFile(memberPaths.export, '委员名册.xlsx')}>
              导出
            </Button>
          )}
          {can(data, 'import') && (
            <Button type="link" onClick={() => downloadFile(memberPaths.template, '委员名册模板.xlsx')}>
              下载模板
            </Button>
          )}
        </>
      }
    >
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Input.Search aria-label="搜索委员" placeholder="姓名、编号或工作单位" allowClear onSearch={(q) => filter({ q: q.trim() || undefined })} style={{ width: 240 }} />
        <Select aria-label="界别" placeholder="界别" allowClear showSearch={{ optionFilterProp: 'label' }} options={options.sectors} onChange={(sectorId) => filter({ sectorId })} style={{ width: 170 }} />
        <Select aria-label="专委会" placeholder="专委会" allowClear showSearch={{ optionFilterProp: 'label' }} options={options['special-committees']} onChange={(specialCommitteeId) => filter({ specialCommitteeId })} style={{ width: 170 }} />
        <Select aria-label="职务" placeholder="职务" allowClear options={optionsOf(positionLabels)} onChange={(position) => filter({ position })} style={{ width: 110 }} />
      </Flex>
      <Table<Member>
        data-testid="members-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={loading}
        scroll={{ x: 1580 }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 名`,
          onChange: (p, pageSize) => setPage({ page: pageSize === page.pageSize ? p : 1, pageSize }),
        }}
      />
      <MemberDrawer
        member={editing}
        options={{ ...options, terms }}
        onClose={() => setEditing(null)}
        onSaved={() => setEditing(null)}
      />
    </PageCard>
  );
}
