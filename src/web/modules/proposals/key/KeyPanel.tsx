import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, Radio, Select, Tag, Typography } from 'antd';
import { pathTo } from '@shared/http/paths';
import { optionsOf } from '@shared/labels';
import { keyActions, keyPaths, nominationSources, scheduleKinds, excellentActions, type ExcellentAction, type ExcellentView, type KeyAction, type KeyProposalView } from '@shared/proposals/key';
import { api } from '../../../app/api';
import { formatDay } from '../../../app/forms';
import { useGet } from '../../../app/query';
import { FormModal } from '../../../app/ui/FormModal';
import { KeySteps, KeyUnits } from './KeyCard';

interface OfProposal { key: KeyProposalView | null; excellent: ExcellentView | null; mayShortlist: boolean; mayNominate: boolean }
interface Options { leaders: { id: string; displayName: string }[]; specialCommittees: { id: string; name: string }[] }
type Dialog = KeyAction | 'shortlist' | 'nominate' | ExcellentAction | null;

const titles: Record<string, string> = {
  shortlist: '列为拟重点提案', select: '记录主席会议决定：确定为重点提案', decline: '记录主席会议决定：不确定为重点提案',
  review: '阅批（办前）', schedule: '调度（办中）：安排调度会或视察', signOff: '阅签承办单位答复（办后）', nominate: '推荐优秀提案',
};

/**
 * 重点提案督办 and 优秀提案 on a proposal's page: the selection and the leader's steps with their
 * dates and texts, the units' state, and exactly the buttons the server's workflow offers this person.
 */
export function KeyPanel({ proposalId }: { proposalId: string }) {
  const path = pathTo(keyPaths.ofProposal, { id: proposalId });
  const { data } = useGet<OfProposal>(path, undefined, { quiet: true });
  const [dialog, setDialog] = useState<Dialog>(null);
  const office = !!data && (data.mayShortlist || data.mayNominate || !!data.key?.actions.some((a) => a === 'select' || a === 'decline') || !!data.excellent?.actions.length);
  const { data: options } = useGet<Options>(keyPaths.options, undefined, { enabled: office, quiet: true });
  if (!data || (!data.key && !data.excellent && !data.mayShortlist && !data.mayNominate)) return null;
  const k = data.key;
  const n = data.excellent;
  const close = () => setDialog(null);
  const keyAct = (action: KeyAction, body: Record<string, unknown>) => api.post(pathTo(keyPaths.action, { id: k!.id, action }), { version: k!.version, ...body });
  const exAct = (action: ExcellentAction, body: Record<string, unknown>) => api.post(pathTo(keyPaths.excellentAction, { id: n!.id, action }), { version: n!.version, ...body });
  const modal = (name: Dialog, save: (v: Record<string, any>) => Promise<unknown>, children: React.ReactNode, success = '已保存') => (
    <FormModal name={`key_${name}`} open={dialog === name} title={titles[name as string] ?? excellentActions[name as ExcellentAction]} save={save} onSaved={close} onClose={close} success={success}>
      {children}
    </FormModal>
  );
  const leaderOptions = (options?.leaders ?? []).map((l) => ({ value: l.id, label: l.displayName }));

  return (
    <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>重点提案督办与优秀提案</Typography.Title>} size="small" data-testid="key-panel">
      <Flex vertical gap={8}>
        {k && (
          <>
            <Flex wrap gap={4}><Tag color="red" data-testid="key-panel-status">{k.statusLabel}</Tag></Flex>
            <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
              <Descriptions.Item label="拟重点理由">{formatDay(k.shortlistedOn)} {k.shortlistNote}</Descriptions.Item>
              {k.chairName && <Descriptions.Item label="领衔督办政协领导">{k.chairName}</Descriptions.Item>}
              {k.govLeaderName && <Descriptions.Item label="领办政府领导">{k.govLeaderName}</Descriptions.Item>}
            </Descriptions>
            <KeyUnits k={k} />
            <KeySteps k={k} />
            {Object.entries(k.blocked).map(([a, why]) => <Alert key={a} type="info" showIcon title={`${keyActions[a as KeyAction]}：${why}`} />)}
            <Flex wrap gap={8}>
              {k.actions.map((a) => <Button key={a} type={a === 'select' || a === 'review' || a === 'signOff' ? 'primary' : 'default'} onClick={() => setDialog(a)} data-testid={`key-${a}`}>{keyActions[a]}</Button>)}
            </Flex>
          </>
        )}
        {n && (
          <Flex wrap gap={4} align="center" data-testid="excellent-status">
            <span>优秀提案：</span><Tag color="gold">{n.statusLabel}</Tag>
            <Typography.Text type="secondary">{n.sourceLabel}推荐：{n.reason}</Typography.Text>
            {n.actions.map((a) => <Button key={a} size="small" onClick={() => setDialog(a)} data-testid={`excellent-${a}`}>{excellentActions[a]}</Button>)}
          </Flex>
        )}
        <Flex wrap gap={8}>
          {data.mayShortlist && <Button onClick={() => setDialog('shortlist')} data-testid="key-shortlist">列为拟重点提案</Button>}
          {data.mayNominate && <Button onClick={() => setDialog('nominate')} data-testid="excellent-nominate">推荐优秀提案</Button>}
        </Flex>
      </Flex>

      {modal('shortlist', (v) => api.post(keyPaths.list, { proposalId, note: v.note }), <Form.Item name="note" label="推荐理由" rules={[{ required: true, min: 2, max: 1000 }]}><Input.TextArea rows={3} /></Form.Item>)}
      {k && modal('select', (v) => keyAct('select', { ...v, govLeaderUserId: v.govLeaderUserId ?? null }), (
        <>
          <Form.Item name="decidedOn" label="主席会议日期" rules={[{ required: true, message: '请填写主席会议日期' }]}><Input type="date" /></Form.Item>
          <Form.Item name="decisionRef" label="主席会议及决定" rules={[{ required: true, min: 2, max: 200 }]}><Input placeholder="如：十届第15次主席会议" /></Form.Item>
          <Form.Item name="chairUserId" label="领衔督办政协领导" rules={[{ required: true, message: '请选择领衔督办政协领导' }]}><Select options={leaderOptions} /></Form.Item>
          <Form.Item name="govLeaderName" label="领办政府领导" rules={[{ required: true, min: 2, max: 60 }]}><Input placeholder="如：副区长 李明" /></Form.Item>
          <Form.Item name="govLeaderUserId" label="领办政府领导（有账号时）"><Select allowClear options={leaderOptions} /></Form.Item>
        </>
      ))}
      {k && modal('decline', (v) => keyAct('decline', v), (
        <>
          <Form.Item name="decidedOn" label="主席会议日期" rules={[{ required: true, message: '请填写主席会议日期' }]}><Input type="date" /></Form.Item>
          <Form.Item name="decisionRef" label="主席会议及决定" rules={[{ required: true, min: 2, max: 200 }]}><Input /></Form.Item>
        </>
      ))}
      {k && modal('review', (v) => keyAct('review', v), <Form.Item name="text" label="阅批意见" rules={[{ required: true, min: 2, max: 2000 }]}><Input.TextArea rows={4} /></Form.Item>, '已阅批')}
      {k && modal('schedule', (v) => keyAct('schedule', { ...v, startsAt: new Date(v.startsAt).toISOString(), endsAt: new Date(v.endsAt).toISOString() }), (
        <>
          <Form.Item name="kind" label="调度形式" initialValue="forum" rules={[{ required: true }]}><Radio.Group options={optionsOf(scheduleKinds)} /></Form.Item>
          <Form.Item name="title" label="调度活动名称" rules={[{ required: true, min: 4, max: 100 }]}><Input /></Form.Item>
          <Form.Item name="startsAt" label="开始时间" rules={[{ required: true, message: '请填写开始时间' }]}><Input type="datetime-local" /></Form.Item>
          <Form.Item name="endsAt" label="结束时间" rules={[{ required: true, message: '请填写结束时间' }]}><Input type="datetime-local" /></Form.Item>
          <Form.Item name="place" label="地点" rules={[{ required: true, min: 2, max: 100 }]}><Input /></Form.Item>
          <Form.Item name="agenda" label="调度事项" rules={[{ required: true, min: 2, max: 2000 }]}><Input.TextArea rows={3} /></Form.Item>
        </>
      ), '已安排调度，提案人已收到通知')}
      {k && modal('signOff', (v) => keyAct('signOff', v), <Form.Item name="text" label="阅签意见" rules={[{ required: true, min: 2, max: 2000 }]}><Input.TextArea rows={4} /></Form.Item>, '已阅签')}
      {modal('nominate', (v) => api.post(keyPaths.excellent, { proposalId, ...v, specialCommitteeId: v.specialCommitteeId ?? null }), (
        <>
          <Form.Item name="source" label="推荐方" initialValue="office" rules={[{ required: true }]}><Radio.Group options={optionsOf(nominationSources)} /></Form.Item>
          <Form.Item name="specialCommitteeId" label="推荐的专门委员会"><Select allowClear options={(options?.specialCommittees ?? []).map((c) => ({ value: c.id, label: c.name }))} /></Form.Item>
          <Form.Item name="reason" label="推荐理由" rules={[{ required: true, min: 2, max: 1000 }]}><Input.TextArea rows={3} /></Form.Item>
        </>
      ))}
      {n && (['review', 'decide', 'publish', 'reject'] as ExcellentAction[]).map((a) => (
        <span key={a}>{modal(a, (v) => exAct(a, v), <Form.Item name="note" label="意见" rules={a === 'reject' ? [{ required: true, message: '不予评定须说明理由' }] : []}><Input.TextArea rows={3} /></Form.Item>)}</span>
      ))}
    </Card>
  );
}
