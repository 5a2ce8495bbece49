import { useState } from 'react';
import { Button, Card, Descriptions, Empty, Flex, Form, Input, Skeleton, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { recheckBody } from '@shared/evaluation/inputs';
import { evaluationPaths } from '@shared/evaluation/paths';
import type { FindingDetail } from '@shared/evaluation/responses';
import { pathTo } from '@shared/http/paths';
import { api } from '../../../app/api';
import { can, formatDay } from '../../../app/forms';
import { showAnswer, useGet } from '../../../app/query';
import { fieldRules } from '../../../app/rules';
import { FormModal } from '../../../app/ui/FormModal';
import { PageHeading, usePageTitle } from '../../../app/ui/PageTitle';
import HandlingPanel from '../../handling/HandlingPanel';
import { findingColors } from '../colors';

const rules = fieldRules(recheckBody);

/**
 * 整改事项: what the department is to rectify, its handling (the shared HandlingPanel: sign, reply,
 * extension…) and the office's look-back (回头看) — passed, or back for a second round.
 */
export default function FindingPage() {
  const { id = '' } = useParams();
  const path = pathTo(evaluationPaths.finding, { id });
  const { data: f, isPending } = useGet<FindingDetail>(path, undefined, { enabled: !!id });
  usePageTitle(f ? `${f.unitName}整改事项` : undefined);
  const [recheck, setRecheck] = useState<boolean | null>(null);
  if (isPending && !f) return <Skeleton active />;
  if (!f) return <Empty description="整改事项不存在或无权查看" />;
  return (
    <Flex vertical gap={16}>
      <Card title={<PageHeading style={{ whiteSpace: 'normal', padding: '8px 0' }}>{f.unitName}整改事项</PageHeading>} extra={<Tag color={findingColors[f.status]} data-testid="finding-status">{f.statusLabel}</Tag>}>
        {can(f, 'recheck') && (
          <Flex wrap gap={8} style={{ marginBottom: 12 }}>
            <Button type="primary" onClick={() => setRecheck(true)} data-testid="recheck-pass">回头看通过</Button>
            {f.handlingRound < 2 && <Button onClick={() => setRecheck(false)} data-testid="recheck-fail">回头看未通过，再次整改</Button>}
          </Flex>
        )}
        <Descriptions size="small" column={{ xs: 1, md: 2 }} items={[
          { key: 'c', label: '评议活动', children: f.campaignId ? <Link to={`/evaluation/campaigns/${f.campaignId}`}>{f.campaignTitle}</Link> : f.campaignTitle },
          { key: 'd', label: '反馈期限', children: formatDay(f.replyDeadline) },
          { key: 'r', label: '整改轮次', children: `第${f.handlingRound}轮` },
          { key: 'b', label: '提出人', children: f.createdByName },
        ]} />
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12 }}>{f.text}</Typography.Paragraph>
        {f.recheckNote && <Typography.Paragraph type="secondary">回头看（{formatDay(f.recheckedOn)}）：{f.recheckNote}</Typography.Paragraph>}
      </Card>
      <HandlingPanel subjectType="evaluationFinding" subjectId={f.id} />
      {can(f, 'recheck') && (
        <FormModal
          name="recheck"
          open={recheck !== null}
          title={recheck ? '回头看通过' : '回头看未通过，再次整改'}
          save={(v) => api.post<FindingDetail>(pathTo(evaluationPaths.recheck, { id: f.id }), { version: f.version, passed: !!recheck, note: v.note })}
          onSaved={(next) => { setRecheck(null); showAnswer(path, next); }}
          onClose={() => setRecheck(null)}
          success="已记录回头看"
        >
          <Form.Item name="note" label="回头看情况" rules={rules.note}><Input.TextArea autoSize={{ minRows: 3 }} data-testid="recheck-note" /></Form.Item>
        </FormModal>
      )}
    </Flex>
  );
}
