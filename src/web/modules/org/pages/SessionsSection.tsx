import { useState } from 'react';
import { Button, Col, DatePicker, Form, Input, InputNumber, Row, Select, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { pathTo } from '@shared/http/paths';
import { sessionInput } from '@shared/org/inputs';
import { orgPaths } from '@shared/org/paths';
import type { PlenarySession, SessionList, Term } from '@shared/org/responses';
import { api } from '../../../app/api';
import { can, dateRange, toBody, toForm } from '../../../app/forms';
import { fieldRules } from '../../../app/rules';
import { FormModal } from '../../../app/ui/FormModal';
import { PageCard } from '../../../app/ui/PageCard';
import { useGet } from '../../../app/query';
import { LinkButton } from '../../../app/ui/LinkButton';

const rules = fieldRules(sessionInput);
const dates = ['startDate', 'endDate', 'proposalOpensOn', 'proposalClosesOn'];
const half = { xs: 24, sm: 12 };

/** 会议: the plenary sessions of the chosen term, each with its 大会提案 collection window. */
export function SessionsSection({ terms }: { terms: Term[] }) {
  // undefined: not chosen yet (the current term); null: all terms
  const [termId, setTermId] = useState<string | null | undefined>(undefined);
  const chosen = termId === undefined ? terms.find((t) => t.current)?.id : termId ?? undefined;
  const { data, isFetching: loading } = useGet<SessionList>(orgPaths.sessions, { termId: chosen }, { keepPrevious: true });
  // the session being edited is looked up in the list, so after a conflict the form follows the refetched record
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const current = data?.items.find((s) => s.id === editing) ?? null;
  const termName = (id: string) => terms.find((t) => t.id === id)?.name ?? '';

  return (
    <PageCard
      level={2}
      title="会议"
      extra={
        <>
          <Select aria-label="届次" placeholder="全部届次" allowClear value={chosen} onChange={(v) => setTermId(v ?? null)} style={{ width: 160 }} options={terms.map((t) => ({ value: t.id, label: t.name }))} />
          {can(data, 'create') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>新增会议</Button>}
        </>
      }
    >
      <Table<PlenarySession>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.items}
        pagination={false}
        scroll={{ x: 760 }}
        columns={[
          { title: '名称', dataIndex: 'name', render: (n: string, s) => (chosen ? n : `${termName(s.termId)} ${n}`) },
          { title: '年度', dataIndex: 'year', width: 80 },
          { title: '会期', key: 'dates', render: (_, s) => dateRange(s.startDate, s.endDate) },
          { title: '大会提案征集起止', key: 'window', render: (_, s) => dateRange(s.proposalOpensOn, s.proposalClosesOn) },
          { title: '操作', key: 'op', width: 80, render: (_, s) => can(s, 'update') && <LinkButton onClick={() => setEditing(s.id)}>编辑</LinkButton> },
        ]}
      />
      <FormModal<PlenarySession>
        name="session"
        open={editing !== null}
        title={current ? '编辑会议' : '新增会议'}
        width={640}
        initialValues={current ? toForm(current, dates) : { termId: chosen, year: dayjs().year() }}
        save={(v) => (current ? api.patch(pathTo(orgPaths.session, { id: current.id }), { ...toBody(v), version: current.version }) : api.post(orgPaths.sessions, toBody(v)))}
        onSaved={() => setEditing(null)}
        onClose={() => setEditing(null)}
      >
        <Row gutter={12}>
          <Col {...half}>
            <Form.Item name="termId" label="届次" rules={rules.termId}>
              <Select options={terms.map((t) => ({ value: t.id, label: t.name }))} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="number" label="会议次数" rules={rules.number}>
              <InputNumber min={1} max={20} precision={0} style={{ width: '100%' }} placeholder="如 5" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="name" label="名称" rules={rules.name}>
              <Input placeholder="如 十六届五次会议" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="year" label="年度" rules={rules.year}>
              <InputNumber min={1949} max={2100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="startDate" label="开幕日期" rules={rules.startDate}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="endDate" label="闭幕日期" rules={rules.endDate}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="proposalOpensOn" label="提案征集开始" rules={rules.proposalOpensOn}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="proposalClosesOn" label="提案征集截止" rules={rules.proposalClosesOn}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </FormModal>
    </PageCard>
  );
}
