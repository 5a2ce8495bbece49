import { useState } from 'react';
import { Button, Flex, Form, Input, List, Select, Tag } from 'antd';
import { Link } from 'react-router';
import { pathTo } from '@shared/http/paths';
import { researchPaths } from '@shared/research/paths';
import type { TopicDetail } from '@shared/research/responses';
import { api } from '../../app/api';
import { can } from '../../app/forms';
import { FormModal } from '../../app/ui/FormModal';
import { GuardedButton } from '../../app/ui/GuardedButton';
import { useResearchOptions } from './useOptions';

const linkOf = (targetType: string, id: string) => (targetType === 'opinion' ? `/opinions/${id}` : targetType === 'speech' ? `/meetings/speeches/${id}` : `/proposals/${id}`);

/**
 * 成果转化: what the finished report became — each proposal, 社情民意 report or speech with its state,
 * linked where the viewer may open it — and, with one action, a new one: the office a collective
 * proposal, a report in the special committee's name, a plenary speech in the lead's name or a 直通车
 * report; a member of the group a proposal or report of their own.
 */
export function ConversionSection({ t }: { t: TopicDetail }) {
  const [kind, setKind] = useState<string | null>(null);
  const options = useResearchOptions();
  const office = can(t, 'convertCollective');
  const kinds = [
    ...(office ? [['collectiveProposal', '转为集体提案']] : []),
    ...(can(t, 'convert') ? [['memberProposal', '转为我的提案']] : []),
    ...(office || can(t, 'convert') ? [['opinion', '转为社情民意信息']] : []),
    ...(office ? [['speech', '转为大会发言'], ['direct', '以直通车报送']] : []),
  ];
  const toOpinion = kind === 'opinion' || kind === 'direct';
  const categories = toOpinion ? options?.opinionCategories : options?.proposalCategories;
  const defaultBody = kind === 'speech'
    ? [t.report.background, t.report.problems, t.report.suggestions].filter(Boolean).join('\n')
    : [t.report.problems, t.report.suggestions].filter(Boolean).join('\n');
  const hasLead = t.group.some((g) => g.role === 'lead' && g.state === 'confirmed');
  return (
    <>
      <List
        dataSource={t.conversions}
        locale={{ emptyText: t.status === 'final' ? '尚未转化' : '报告定稿后可转化为提案、社情民意信息、大会发言或直通车' }}
        renderItem={(c) => (
          <List.Item data-testid="research-conversion">
            <List.Item.Meta
              title={c.targetId ? <Link to={linkOf(c.targetType, c.targetId)}>{c.title}</Link> : c.title}
              description={`${c.kindLabel} · ${c.authorText} · ${c.createdOn}`}
            />
            <Tag color="blue">{c.targetStatusLabel}</Tag>
          </List.Item>
        )}
      />
      <Flex wrap gap={8}>
        {kinds.map(([k, label]) =>
          k === 'speech' ? (
            <GuardedButton key={k} onClick={() => setKind(k)} data-testid={`convert-${k}`} why={hasLead ? null : '调研组尚未确定组长：大会发言以组长名义提交'}>{label}</GuardedButton>
          ) : (
            <Button key={k} onClick={() => setKind(k)} data-testid={`convert-${k}`}>{label}</Button>
          ),
        )}
      </Flex>
      <FormModal
        name="researchConvert"
        open={kind !== null}
        title={kinds.find(([k]) => k === kind)?.[1] ?? '成果转化'}
        initialValues={{ title: t.report.title, collectiveBody: (t.specialCommitteeName && options?.collectiveBodies.find((b) => b.includes(t.specialCommitteeName))) || undefined, body: defaultBody }}
        save={(v) => api.post(pathTo(researchPaths.convert, { id: t.id }), { ...v, kind, version: t.version })}
        onSaved={() => setKind(null)}
        onClose={() => setKind(null)}
        success={kind === 'speech' ? '已转为大会发言，等待遴选' : kind === 'direct' ? '已以直通车报送信息科' : '已转化，可在提案或社情民意中继续修改并提交'}
      >
        <Form.Item name="title" label={kind === 'speech' ? '发言题目' : '标题'} rules={[{ required: true, min: 4, max: 100 }]}><Input /></Form.Item>
        {kind !== 'speech' && (
          <Form.Item name="category" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
            <Select options={categories?.map((c) => ({ value: c, label: c }))} />
          </Form.Item>
        )}
        {(kind === 'collectiveProposal' || kind === 'direct' || (kind === 'opinion' && office && !can(t, 'convert'))) && (
          <Form.Item name="collectiveBody" label={toOpinion ? '报送单位' : '集体提案单位'} rules={[{ required: true, message: '请选择' }]}>
            <Select options={options?.collectiveBodies.map((b) => ({ value: b, label: b }))} />
          </Form.Item>
        )}
        {(toOpinion || kind === 'speech') && (
          <Form.Item name="body" label={kind === 'speech' ? '发言内容' : '正文'} rules={[{ required: true, min: 20 }]}><Input.TextArea rows={6} /></Form.Item>
        )}
      </FormModal>
    </>
  );
}
