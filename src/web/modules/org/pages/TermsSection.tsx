import { useState } from 'react';
import { Button, DatePicker, Form, Input, InputNumber, Switch, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { pathTo } from '@shared/http/paths';
import { termInput } from '@shared/org/inputs';
import { orgPaths } from '@shared/org/paths';
import type { Term, TermList } from '@shared/org/responses';
import { api } from '../../../app/api';
import { can, dateRange, toBody, toForm } from '../../../app/forms';
import { fieldRules } from '../../../app/rules';
import { FormModal } from '../../../app/ui/FormModal';
import { PageCard } from '../../../app/ui/PageCard';
import { LinkButton } from '../../../app/ui/LinkButton';

const rules = fieldRules(termInput);

interface Props {
  data: TermList | undefined;
  loading: boolean;
}

/** 届次: number, name, dates, and which one is current (the server keeps only one current). */
export function TermsSection({ data, loading }: Props) {
  // the term being edited is looked up in the list, so after a conflict the form follows the refetched record
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const current = data?.items.find((t) => t.id === editing) ?? null;

  return (
    <PageCard
      title="届次"
      extra={can(data, 'create') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>新增届次</Button>}
    >
      <Table<Term>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.items}
        pagination={false}
        scroll={{ x: 600 }}
        columns={[
          { title: '届次号', dataIndex: 'number', width: 80 },
          { title: '名称', dataIndex: 'name' },
          { title: '起止日期', key: 'dates', render: (_, t) => dateRange(t.startDate, t.endDate) },
          { title: '当前届', dataIndex: 'current', width: 90, render: (c: boolean) => (c ? <Tag color="red">当前届</Tag> : '') },
          { title: '操作', key: 'op', width: 80, render: (_, t) => can(t, 'update') && <LinkButton onClick={() => setEditing(t.id)}>编辑</LinkButton> },
        ]}
      />
      <FormModal<Term>
        name="term"
        open={editing !== null}
        title={current ? '编辑届次' : '新增届次'}
        initialValues={current ? toForm(current, ['startDate', 'endDate']) : { current: false }}
        save={(v) => (current ? api.patch(pathTo(orgPaths.term, { id: current.id }), { ...toBody(v), version: current.version }) : api.post(orgPaths.terms, toBody(v)))}
        onSaved={() => setEditing(null)}
        onClose={() => setEditing(null)}
      >
        <Form.Item name="number" label="届次号" rules={rules.number}>
          <InputNumber min={1} max={99} precision={0} style={{ width: '100%' }} placeholder="如 16" />
        </Form.Item>
        <Form.Item name="name" label="名称" rules={rules.name}>
          <Input placeholder="如 第十六届" />
        </Form.Item>
        <Form.Item name="startDate" label="开始日期" rules={rules.startDate}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="endDate" label="结束日期" rules={rules.endDate}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="current" label="当前届" valuePropName="checked" extra="设为当前届后，其他届次自动取消">
          <Switch />
        </Form.Item>
      </FormModal>
    </PageCard>
  );
}
