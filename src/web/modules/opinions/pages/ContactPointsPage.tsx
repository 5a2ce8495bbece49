import { useState } from 'react';
import { Button, Card, Empty, Flex, Form, Input, List, Select, Space, Switch, Tag, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { pathTo } from '@shared/http/paths';
import { listLink } from '@shared/cockpit/cockpit';
import { optionsOf } from '@shared/labels';
import { contactPointInput, contactPointKinds, contactPointPaths, type ContactPointList, type ContactPointView } from '@shared/opinions/contact-points';
import { api } from '../../../app/api';
import { run } from '../../../app/errors';
import { useGet } from '../../../app/query';
import { fieldRules } from '../../../app/rules';
import { FormModal } from '../../../app/ui/FormModal';
import { PageCard } from '../../../app/ui/PageCard';
import { MemberPicker } from '../../members/MemberPicker';

const rules = fieldRules(contactPointInput);

/**
 * 社情民意联系点: the information office's places where people's concerns are collected, with their
 * liaison people (members, or named local people with a phone), and this year's reports that came
 * through each and how many were adopted — each figure opens those reports. Leaders read it.
 */
export default function ContactPointsPage() {
  const { data, isFetching } = useGet<ContactPointList>(contactPointPaths.list);
  const [editing, setEditing] = useState<ContactPointView | 'new' | null>(null);
  const mayCreate = !!data?.actions.includes('create');
  const reports = (p: ContactPointView, status?: string) => listLink('/opinions/queue', { scope: 'all', year: data?.year, contactPointId: p.id, status });
  const toggle = (p: ContactPointView) => run(() => api.patch(pathTo(contactPointPaths.point, { id: p.id }), { version: p.version, active: !p.active }), { success: p.active ? '已停用' : '已启用' });

  return (
    <PageCard
      title="社情民意联系点"
      extra={mayCreate && (
        <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="contact-point-new">
          设立联系点
        </Button>
      )}
    >
      {data && (
        <Typography.Paragraph data-testid="contact-points-summary">
          共 {data.items.length} 个联系点；{data.year}年经联系点报送信息 {data.reports} 篇，编入期刊采用 {data.adopted} 篇。
        </Typography.Paragraph>
      )}
      {data && !data.items.length ? (
        <Empty description="尚未设立社情民意联系点" />
      ) : (
        <List
          loading={isFetching && !data}
          dataSource={data?.items ?? []}
          renderItem={(p) => (
            <List.Item style={{ padding: '6px 0' }}>
              <Card size="small" style={{ width: '100%' }} data-testid="contact-point-card">
                <Flex vertical gap={4}>
                  <Typography.Text strong style={{ whiteSpace: 'normal' }}>{p.name}</Typography.Text>
                  <Flex wrap gap={4}>
                    <Tag>{p.kindLabel}</Tag>
                    {!p.active && <Tag>已停用</Tag>}
                  </Flex>
                  <span style={{ wordBreak: 'break-word' }}>地点：{p.place}</span>
                  {p.note && <Typography.Text type="secondary" style={{ wordBreak: 'break-word' }}>{p.note}</Typography.Text>}
                  <span style={{ wordBreak: 'break-word' }}>
                    联络员：{p.liaisons.map((l) => [l.name, l.memberId ? '（委员）' : '', l.phone ? ` ${l.phone}` : ''].join('')).join('、') || '—'}
                  </span>
                  <Flex wrap gap={8} align="center">
                    <Link to={reports(p)} data-testid="contact-point-reports">报送 {p.reports} 篇</Link>
                    <Link to={reports(p, 'adopted')}>采用 {p.adopted} 篇</Link>
                    {p.actions.includes('update') && <Button size="small" onClick={() => setEditing(p)}>修改</Button>}
                    {p.actions.includes('update') && <Button size="small" onClick={() => void toggle(p)}>{p.active ? '停用' : '启用'}</Button>}
                  </Flex>
                </Flex>
              </Card>
            </List.Item>
          )}
        />
      )}
      <FormModal
        name="contactPoint"
        open={editing !== null}
        title={editing === 'new' ? '设立社情民意联系点' : '修改社情民意联系点'}
        initialValues={editing && editing !== 'new' ? { name: editing.name, kind: editing.kind, place: editing.place, note: editing.note, liaisons: editing.liaisons } : { kind: 'community', note: '', liaisons: [{}] }}
        save={(v) => {
          const body = { ...v, liaisons: (v.liaisons ?? []).map((l: { memberId?: string; name?: string; phone?: string }) => ({ memberId: l.memberId || null, name: l.name ?? '', phone: l.phone || null })) };
          return editing && editing !== 'new' ? api.patch(pathTo(contactPointPaths.point, { id: editing.id }), { ...body, version: editing.version }) : api.post(contactPointPaths.list, body);
        }}
        onSaved={() => setEditing(null)}
        onClose={() => setEditing(null)}
      >
        <Form.Item name="name" label="联系点名称" rules={rules.name}>
          <Input maxLength={60} data-testid="contact-point-name" />
        </Form.Item>
        <Form.Item name="kind" label="类型" rules={rules.kind}>
          <Select options={optionsOf(contactPointKinds)} />
        </Form.Item>
        <Form.Item name="place" label="地点" rules={rules.place}>
          <Input maxLength={100} data-testid="contact-point-place" />
        </Form.Item>
        <Form.Item name="note" label="说明" rules={rules.note}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
        </Form.Item>
        <Form.List name="liaisons">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="baseline" wrap style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'memberId']} label={`联络员${i + 1}（委员）`}>
                    <MemberPicker placeholder="选择委员，或填写姓名" known={editing && editing !== 'new' && editing.liaisons[i]?.memberId ? [{ value: editing.liaisons[i].memberId!, label: editing.liaisons[i].name }] : undefined} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'name']} label="姓名（非委员）">
                    <Input maxLength={20} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'phone']} label="电话（仅工作人员可见）">
                    <Input maxLength={20} inputMode="tel" style={{ width: 150 }} />
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label={`移除联络员${i + 1}`} onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} style={{ marginBottom: 12 }}>
                添加联络员
              </Button>
            </>
          )}
        </Form.List>
      </FormModal>
    </PageCard>
  );
}
