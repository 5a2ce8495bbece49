import { useState } from 'react';
import { Button, Flex, Form, List, Select, Space, Tag, Typography } from 'antd';
import { pathTo } from '@shared/http/paths';
import { researchPaths } from '@shared/research/paths';
import type { TopicDetail } from '@shared/research/responses';
import { api } from '../../app/api';
import { run } from '../../app/errors';
import { can } from '../../app/forms';
import { FormModal } from '../../app/ui/FormModal';
import { MemberPicker } from '../members/MemberPicker';

const stateColor: Record<string, string> = { volunteered: 'gold', confirmed: 'green', declined: 'default' };

/**
 * 调研组: who volunteered and who is confirmed (at most the setting's number), the lead. Members
 * volunteer here; the office confirms or declines, names members directly and names the lead.
 */
export function GroupSection({ t }: { t: TopicDetail }) {
  const [naming, setNaming] = useState(false);
  const manage = can(t, 'manage');
  const id = t.id;
  const decide = (memberId: string, decision: 'confirm' | 'decline') =>
    run(() => api.post(pathTo(researchPaths.decide, { id }), { memberId, decision }), { success: decision === 'confirm' ? '已确认' : '已不予确认' });
  const confirmed = t.group.filter((g) => g.state === 'confirmed');
  return (
    <>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 8 }}>
        <Typography.Text>已确认 {t.groupSize}/{t.groupLimit} 人</Typography.Text>
        {can(t, 'volunteer') && !t.myState && t.groupSize < t.groupLimit && (
          <Button type="primary" onClick={() => void run(() => api.post(pathTo(researchPaths.volunteer, { id }), {}), { success: '已报名，请等待办公室确认' })} data-testid="volunteer">报名参加调研组</Button>
        )}
        {manage && <Button onClick={() => setNaming(true)} data-testid="group-add">确定组员</Button>}
        {manage && confirmed.length > 0 && (
          <Select
            aria-label="组长"
            placeholder="确定组长"
            style={{ minWidth: 160 }}
            value={t.group.find((g) => g.role === 'lead')?.memberId}
            options={confirmed.map((g) => ({ value: g.memberId, label: g.name }))}
            onChange={(memberId) => void run(() => api.post(pathTo(researchPaths.lead, { id }), { version: t.version, memberId }), { success: '已确定组长' })}
            data-testid="group-lead"
          />
        )}
      </Flex>
      <List
        dataSource={t.group}
        locale={{ emptyText: '尚无委员报名' }}
        renderItem={(g) => (
          <List.Item
            data-testid="group-member"
            actions={manage ? [
              g.state !== 'confirmed' && <Button key="c" size="small" type="primary" onClick={() => void decide(g.memberId, 'confirm')} data-testid="group-confirm">确认</Button>,
              g.state !== 'declined' && g.role !== 'lead' && <Button key="d" size="small" onClick={() => void decide(g.memberId, 'decline')} data-testid="group-decline">不予确认</Button>,
            ].filter(Boolean) : []}
          >
            <Space wrap>
              <span>{g.name}</span>
              {g.role === 'lead' && g.state === 'confirmed' && <Tag color="purple">组长</Tag>}
              <Tag color={stateColor[g.state]}>{g.stateLabel}</Tag>
              {g.sector && <Typography.Text type="secondary">{g.sector}</Typography.Text>}
              {g.note && <Typography.Text type="secondary">（{g.note}）</Typography.Text>}
            </Space>
          </List.Item>
        )}
      />
      <FormModal
        name="researchMember"
        open={naming}
        title="确定调研组成员"
        save={(v) => api.post(pathTo(researchPaths.decide, { id }), { memberId: v.memberId, decision: 'confirm' })}
        onSaved={() => setNaming(false)}
        onClose={() => setNaming(false)}
        success="已加入调研组"
      >
        <Form.Item name="memberId" label="委员" rules={[{ required: true, message: '请选择委员' }]}>
          <MemberPicker />
        </Form.Item>
      </FormModal>
    </>
  );
}
