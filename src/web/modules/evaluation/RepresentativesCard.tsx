import { useState } from 'react';
import { Alert, Button, Empty, Flex, Form, Input, List, Popconfirm, Tag, Typography } from 'antd';
import { representativeInput } from '@shared/evaluation/inputs';
import { evaluationPaths } from '@shared/evaluation/paths';
import type { RepresentativeRow } from '@shared/evaluation/responses';
import { pathTo } from '@shared/http/paths';
import { api } from '../../app/api';
import { run } from '../../app/errors';
import { useGet } from '../../app/query';
import { fieldRules } from '../../app/rules';
import { FormModal } from '../../app/ui/FormModal';
import { PageCard } from '../../app/ui/PageCard';

const rules = fieldRules(representativeInput);
type Issued = { item: RepresentativeRow; link: string | null };

/**
 * 特邀群众代表 of a campaign, for the office only: who they are (name, organisation, phone — personal
 * data), whether their link works and on how many departments they have answered (never what).
 * A new or re-issued link is shown once, to copy and send; the server keeps only its hash.
 */
export function RepresentativesCard({ campaignId, mayInvite }: { campaignId: string; mayInvite: boolean }) {
  const path = pathTo(evaluationPaths.representatives, { id: campaignId });
  const { data } = useGet<{ items: RepresentativeRow[] }>(path, undefined, { quiet: true });
  const [adding, setAdding] = useState(false);
  const [issued, setIssued] = useState<{ name: string; link: string } | null>(null);
  const show = (r: Issued | undefined) => r?.link && setIssued({ name: r.item.name, link: `${window.location.origin}${r.link}` });
  const change = (r: RepresentativeRow, action: 'revoke' | 'reissue') =>
    run(() => api.post<Issued>(pathTo(evaluationPaths.representativeAction, { id: r.id, action }), { version: r.version }), { success: action === 'revoke' ? '已收回评议链接' : '已生成新的评议链接' }).then(show);
  return (
    <PageCard title="特邀群众代表" level={2} extra={mayInvite && <Button onClick={() => setAdding(true)} data-testid="representative-new">邀请代表</Button>}>
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">代表凭专属链接在手机上填写问卷，无需账号；姓名、单位和电话仅工作人员可见，只统计已评议的部门数，看不到代表的选择。</Typography.Text>
        {issued && (
          <Alert
            type="success"
            showIcon
            closable
            onClose={() => setIssued(null)}
            message={`${issued.name}的专属评议链接（仅显示这一次，请复制后发送给代表）`}
            description={<Typography.Text copyable={{ text: issued.link, tooltips: ['复制链接', '已复制'] }} data-testid="representative-link" style={{ wordBreak: 'break-all' }}>{issued.link}</Typography.Text>}
          />
        )}
        {data && data.items.length === 0 ? <Empty description="尚未邀请特邀群众代表" /> : (
          <List
            dataSource={data?.items ?? []}
            renderItem={(r) => (
              <List.Item data-testid="representative-row">
                <Flex vertical gap={4} style={{ width: '100%' }}>
                  <Flex wrap gap={6} align="center">
                    <Typography.Text strong>{r.name}</Typography.Text>
                    <Typography.Text type="secondary">{r.organisation}</Typography.Text>
                    {r.phone && <Typography.Text type="secondary">{r.phone}</Typography.Text>}
                    {r.active ? <Tag color="blue">链接有效</Tag> : <Tag>链接已收回</Tag>}
                    <Tag color={r.respondedCount ? 'green' : 'default'}>已评议 {r.respondedCount}/{r.departmentCount} 个部门</Tag>
                  </Flex>
                  {mayInvite && <Flex wrap gap={8}>
                    {r.active && (
                      <Popconfirm title={`收回${r.name}的评议链接？收回后该链接立即失效。`} okText="收回" cancelText="取消" onConfirm={() => change(r, 'revoke')}>
                        <Button size="small">收回链接</Button>
                      </Popconfirm>
                    )}
                    <Button size="small" onClick={() => change(r, 'reissue')}>重新生成链接</Button>
                  </Flex>}
                </Flex>
              </List.Item>
            )}
          />
        )}
      </Flex>
      <FormModal
        name="representative"
        open={adding}
        title="邀请特邀群众代表"
        save={(v) => api.post<Issued>(path, v)}
        onSaved={(r: Issued) => {
          setAdding(false);
          show(r);
        }}
        onClose={() => setAdding(false)}
        success="已邀请，请把专属链接发送给代表"
      >
        <Form.Item name="name" label="代表姓名" rules={rules.name}><Input data-testid="representative-name" /></Form.Item>
        <Form.Item name="organisation" label="界别或单位" rules={rules.organisation} extra="如：龙城街道居民代表、服务对象代表（企业办事群众）"><Input data-testid="representative-organisation" /></Form.Item>
        <Form.Item name="phone" label="联系电话" rules={rules.phone}><Input inputMode="tel" data-testid="representative-phone" /></Form.Item>
      </FormModal>
    </PageCard>
  );
}
