import { useState } from 'react';
import { Button, Card, Flex, Form, Input, List, Select, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { pathTo } from '@shared/http/paths';
import { groupInput, supervisorInput } from '@shared/supervision/inputs';
import { supervisionPaths } from '@shared/supervision/paths';
import type { SpecialSupervisor, SupervisionGroup, SupervisionTopic } from '@shared/supervision/responses';
import { api } from '../../../app/api';
import { can } from '../../../app/forms';
import { useGet } from '../../../app/query';
import { fieldRules } from '../../../app/rules';
import { FormModal } from '../../../app/ui/FormModal';
import { PageCard } from '../../../app/ui/PageCard';
import { MemberPicker } from '../../members/MemberPicker';
import { useOrgOptions } from '../../org/useOrgOptions';
import { LinkButton } from '../../../app/ui/LinkButton';
import { ActivityList, ScheduleActivity } from '../GroupActivities';

const groupRules = fieldRules(groupInput);
const supervisorRules = fieldRules(supervisorInput);

/** 监督小组: the office's groups for the term — leader, members, the units each is fixed to — and the special supervisors. */
export default function GroupsPage() {
  const { data } = useGet<{ items: SupervisionGroup[]; actions: string[] }>(supervisionPaths.groups);
  const { data: supervisors } = useGet<{ items: SpecialSupervisor[]; actions: string[] }>(supervisionPaths.supervisors);
  const { options } = useOrgOptions(['units']);
  const { data: topics } = useGet<{ items: SupervisionTopic[] }>(supervisionPaths.topics, { year: new Date().getFullYear() });
  const [editing, setEditing] = useState<SupervisionGroup | 'new' | null>(null);
  const [adding, setAdding] = useState(false);
  const current = editing === 'new' ? null : editing;
  const save = (v: Record<string, any>) =>
    current ? api.patch<SupervisionGroup>(pathTo(supervisionPaths.group, { id: current.id }), { ...v, version: current.version }) : api.post<SupervisionGroup>(supervisionPaths.groups, v);
  const groupName = (id: string | null) => data?.items.find((g) => g.id === id)?.name ?? '—';

  return (
    <Flex vertical gap={16}>
      <PageCard title="民主监督小组" extra={can(data, 'create') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="group-new">新建小组</Button>}>
        <List
          grid={{ gutter: 12, xs: 1, md: 2, xl: 3 }}
          dataSource={data?.items ?? []}
          renderItem={(g) => (
            <List.Item>
              <Card size="small" title={<span style={{ whiteSpace: 'normal' }}>{g.name}</span>} extra={can(g, 'update') && <LinkButton onClick={() => setEditing(g)} aria-label={`修改${g.name}`}>修改</LinkButton>} data-testid="group-card">
                <div>组长：{g.leaderName} · {g.term}</div>
                <div>成员：{g.members.filter((m) => m.role !== 'leader').map((m) => m.name).join('、') || '—'}</div>
                <div>
                  监督单位（{g.units.length}）：
                  {g.units.map((u) => <Tag key={u.id} color="blue">{u.name}</Tag>)}
                </div>
                <Flex justify="space-between" align="center" wrap gap={4} style={{ marginTop: 8 }}>
                  <strong>监督活动（{g.activities.length}）</strong>
                  <ScheduleActivity group={g} topics={topics?.items ?? []} />
                </Flex>
                <ActivityList items={g.activities} />
              </Card>
            </List.Item>
          )}
        />
      </PageCard>
      {supervisors && (
        <PageCard title="特约监督员" level={2} extra={can(supervisors, 'create') && <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>新增特约监督员</Button>}>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={supervisors.items}
            columns={[
              { title: '姓名', dataIndex: 'name' },
              { title: '工作单位及职务', dataIndex: 'workplace' },
              { title: '所在小组', dataIndex: 'groupId', render: groupName },
              { title: '届次', dataIndex: 'term' },
            ]}
          />
        </PageCard>
      )}
      <FormModal
        name="group"
        open={editing !== null}
        title={current ? `修改${current.name}` : '新建民主监督小组'}
        width={720}
        initialValues={current ? { name: current.name, term: current.term, leaderMemberId: current.leaderMemberId, memberIds: current.members.filter((m) => m.role !== 'leader').map((m) => m.id), unitIds: current.units.map((u) => u.id), description: current.description } : { term: '第七届' }}
        save={save}
        onSaved={() => setEditing(null)}
        onClose={() => setEditing(null)}
      >
        <Form.Item name="name" label="小组名称" rules={groupRules.name}><Input placeholder="第一民主监督小组" /></Form.Item>
        <Form.Item name="term" label="届次" rules={groupRules.term}><Input /></Form.Item>
        <Form.Item name="leaderMemberId" label="组长" rules={groupRules.leaderMemberId}>
          <MemberPicker known={current ? [{ value: current.leaderMemberId, label: current.leaderName }] : []} />
        </Form.Item>
        <Form.Item name="memberIds" label="组员" rules={groupRules.memberIds}>
          <MemberPicker multiple known={current ? current.members.map((m) => ({ value: m.id, label: m.name })) : []} />
        </Form.Item>
        <Form.Item name="unitIds" label="监督单位" rules={groupRules.unitIds}>
          <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={options.units} />
        </Form.Item>
        <Form.Item name="description" label="工作说明" rules={groupRules.description}><Input.TextArea autoSize={{ minRows: 2 }} /></Form.Item>
      </FormModal>
      <FormModal name="supervisor" open={adding} title="新增特约监督员" initialValues={{ term: '第七届' }} save={(v) => api.post(supervisionPaths.supervisors, v)} onSaved={() => setAdding(false)} onClose={() => setAdding(false)}>
        <Form.Item name="name" label="姓名" rules={supervisorRules.name}><Input /></Form.Item>
        <Form.Item name="workplace" label="工作单位及职务" rules={supervisorRules.workplace}><Input /></Form.Item>
        <Form.Item name="phone" label="联系电话" rules={supervisorRules.phone}><Input /></Form.Item>
        <Form.Item name="groupId" label="所在小组" rules={supervisorRules.groupId}>
          <Select allowClear options={(data?.items ?? []).map((g) => ({ value: g.id, label: g.name }))} />
        </Form.Item>
        <Form.Item name="term" label="届次" rules={supervisorRules.term}><Input /></Form.Item>
      </FormModal>
    </Flex>
  );
}
