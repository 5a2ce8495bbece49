import { useState } from 'react';
import { Button, Card, DatePicker, Empty, Form, Input, List, Select, Tag, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { pathTo } from '@shared/http/paths';
import { researchPaths } from '@shared/research/paths';
import type { TopicDetail } from '@shared/research/responses';
import { api } from '../../app/api';
import { can, toBody } from '../../app/forms';
import { FormModal } from '../../app/ui/FormModal';
import HandlingPanel from '../handling/HandlingPanel';
import { useResearchOptions } from './useOptions';

/**
 * 批示与落实 ("谁调研、谁跟踪"): leaders' instructions on the report, and each item sent to departments
 * with their replies and deadlines; the group sees which ones are overdue.
 */
export function FollowUpSection({ t }: { t: TopicDetail }) {
  const [open, setOpen] = useState<'instruct' | 'assign' | null>(null);
  const options = useResearchOptions();
  return (
    <>
      <Typography.Title level={3} style={{ fontSize: 16 }}>领导批示</Typography.Title>
      <List
        dataSource={t.instructions}
        locale={{ emptyText: '暂无批示' }}
        renderItem={(i) => (
          <List.Item data-testid="research-instruction">
            <List.Item.Meta title={`${i.leaderName}（${i.levelLabel}）· ${i.instructedOn}`} description={i.text} />
          </List.Item>
        )}
      />
      {can(t, 'instruct') && <Button onClick={() => setOpen('instruct')} data-testid="instruct-open">记录批示</Button>}

      <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>建议落实</Typography.Title>
      {t.items.length === 0 && <Empty description="建议尚未交部门落实" />}
      {t.items.map((i) => (
        <Card key={i.id} size="small" style={{ marginBottom: 12 }} title={<span style={{ whiteSpace: 'normal' }}>{i.position}. {i.text}</span>} data-testid="research-item"
          extra={<>{i.overdue && <Tag color="red">逾期</Tag>}<Tag color={i.handlingLabel === '已答复' ? 'green' : 'orange'}>{i.handlingLabel}</Tag></>}>
          <HandlingPanel subjectType="researchItem" subjectId={i.id} />
        </Card>
      ))}
      {can(t, 'assign') && <Button type="primary" onClick={() => setOpen('assign')} data-testid="items-open">建议交部门落实</Button>}

      <FormModal
        name="researchInstruction"
        open={open === 'instruct'}
        title="记录领导批示"
        initialValues={{ level: 'district' }}
        save={(v) => api.post(pathTo(researchPaths.instructions, { id: t.id }), toBody(v))}
        onSaved={() => setOpen(null)}
        onClose={() => setOpen(null)}
      >
        <Form.Item name="leaderName" label="批示领导" rules={[{ required: true, min: 2, max: 20 }]}><Input /></Form.Item>
        <Form.Item name="level" label="批示层级"><Select options={[{ value: 'district', label: '区级' }, { value: 'city', label: '市级' }, { value: 'province', label: '省级' }, { value: 'national', label: '全国' }]} /></Form.Item>
        <Form.Item name="instructedOn" label="批示日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="text" label="批示内容" rules={[{ required: true, min: 2, max: 2000 }]}><Input.TextArea rows={3} /></Form.Item>
      </FormModal>
      <FormModal
        name="researchItems"
        open={open === 'assign'}
        title="建议交部门落实"
        initialValues={{ items: [{ text: '', unitIds: [] }] }}
        save={(v) => api.post(pathTo(researchPaths.assign, { id: t.id }), v)}
        onSaved={() => setOpen(null)}
        onClose={() => setOpen(null)}
        success="已交部门落实"
        width={640}
      >
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Card key={f.key} size="small" style={{ marginBottom: 8 }} extra={fields.length > 1 && <MinusCircleOutlined aria-label="删除此项" onClick={() => remove(f.name)} />}>
                  <Form.Item name={[f.name, 'text']} label="落实事项" rules={[{ required: true, min: 4, max: 2000 }]}><Input.TextArea rows={2} /></Form.Item>
                  <Form.Item name={[f.name, 'unitIds']} label="承办部门" rules={[{ required: true, type: 'array', min: 1, message: '请选择承办部门' }]}>
                    <Select mode="multiple" optionFilterProp="label" options={options?.units.map((u) => ({ value: u.id, label: u.name }))} />
                  </Form.Item>
                </Card>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ text: '', unitIds: [] })}>增加一项</Button>
            </>
          )}
        </Form.List>
      </FormModal>
    </>
  );
}
