import { useState } from 'react';
import { Button, Card, Col, Empty, Flex, Input, List, Popconfirm, Row, Space, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { pathTo, queryString } from '@shared/http/paths';
import { labelOf } from '@shared/labels';
import { issueStates } from '@shared/opinions/labels';
import { opinionPaths } from '@shared/opinions/paths';
import type { Issue } from '@shared/opinions/responses';
import { api } from '../../../app/api';
import { showAnswer, useGet } from '../../../app/query';
import { run } from '../../../app/errors';
import { can, formatTime } from '../../../app/forms';
import { PageCard } from '../../../app/ui/PageCard';
import { issueStatusColors } from '../colors';
import { useOpinionOptions } from '../useOptions';

const steps: { action: string; label: string; confirm: string }[] = [
  { action: 'approve', label: '审核通过', confirm: '审核通过后本期信息不再修改，确定？' },
  { action: 'sign', label: '签发', confirm: '签发本期？' },
  { action: 'publish', label: '印发', confirm: '印发后将记录报送区委、区政府等单位，确定？' },
  { action: 'reopen', label: '退回编辑', confirm: '退回编辑？' },
];

/** 《社情民意》期刊: compose an issue (order its reports), approve, sign off, publish, download .docx. */
export default function IssuesPage() {
  const options = useOpinionOptions();
  const { data, isPending: loading } = useGet<{ items: Issue[]; actions: string[] }>(opinionPaths.issues);
  const [currentId, setCurrentId] = useState<string>();
  const selectedId = currentId ?? data?.items[0]?.id;
  const issuePath = pathTo(opinionPaths.issue, { id: selectedId ?? '' });
  const { data: issue } = useGet<Issue>(issuePath, undefined, { enabled: !!selectedId });
  const [signer, setSigner] = useState('');
  const periodical = options?.periodical ?? '社情民意';

  // every write refetches the list and the issue (app/query.tsx); its answer is shown at once meanwhile
  const refresh = (next: Issue | undefined) => {
    if (next) showAnswer(issuePath, next);
  };
  const step = (action: string) =>
    run(() => api.post<Issue>(pathTo(opinionPaths.issueAction, { id: issue!.id, action }), { version: issue!.version, signedByName: action === 'sign' && signer.trim() ? signer.trim() : undefined }), { success: '已完成' }).then(refresh);
  const move = (index: number, delta: number) => {
    const ids = issue!.items!.map((i) => i.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + delta, 0, moved);
    return run(() => api.post<Issue>(pathTo(opinionPaths.issueOrder, { id: issue!.id }), { version: issue!.version, opinionIds: ids })).then(refresh);
  };
  const create = () => run(() => api.post<Issue>(opinionPaths.issues, {}), { success: '已新建一期' }).then((i) => {
    if (i) setCurrentId(i.id);
  });

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={8}>
        <PageCard title={`《${periodical}》`} extra={can(data, 'create') && <Button type="primary" icon={<PlusOutlined />} onClick={create} data-testid="issue-create">新建一期</Button>}>
          <List
            loading={loading}
            dataSource={data?.items}
            locale={{ emptyText: '尚无期刊' }}
            renderItem={(i) => (
              <List.Item onClick={() => setCurrentId(i.id)} style={{ cursor: 'pointer', background: i.id === selectedId ? '#e6f4ff' : undefined, paddingInline: 8 }} data-testid={`issue-${i.number}`}>
                <Space><span>{i.title}</span><Tag color={issueStatusColors[i.status]}>{labelOf(issueStates, i.status)}</Tag></Space>
              </List.Item>
            )}
          />
        </PageCard>
      </Col>
      <Col xs={24} md={16}>
        {!issue ? (
          <Card><Empty description="请选择或新建一期" /></Card>
        ) : (
          <Card
            title={<span data-testid="issue-title">《{periodical}》{issue.title}</span>}
            extra={<Tag color={issueStatusColors[issue.status]} data-testid="issue-status">{labelOf(issueStates, issue.status)}</Tag>}
          >
            <Typography.Paragraph type="secondary">
              审核：{issue.approvedByName ?? '—'} · 签发：{issue.signedByName ?? '—'} · 印发：{formatTime(issue.publishedAt)}
            </Typography.Paragraph>
            <List
              bordered
              dataSource={issue.items}
              locale={{ emptyText: '本期尚未编入信息：在信息详情中选择“采用编入刊物”' }}
              renderItem={(item, index) => (
                <List.Item
                  actions={can(issue, 'compose') ? [
                    // the first cannot move up nor the last down: no button rather than a disabled one that cannot say why
                    index > 0 ? <Button key="u" size="small" icon={<ArrowUpOutlined />} onClick={() => move(index, -1)} aria-label="上移" /> : <span key="u" style={{ display: 'inline-block', width: 24 }} />,
                    index < issue.items!.length - 1 ? <Button key="d" size="small" icon={<ArrowDownOutlined />} onClick={() => move(index, 1)} aria-label="下移" /> : <span key="d" style={{ display: 'inline-block', width: 24 }} />,
                  ] : []}
                >
                  <List.Item.Meta
                    title={<>{item.position}. <Link to={`/opinions/${item.id}`}>{item.title}</Link></>}
                    description={`${item.authorText}${item.own ? '' : ` · ${item.committeeName}`} · ${item.category} · ${item.length}字`}
                  />
                </List.Item>
              )}
            />
            <Flex wrap gap={8} style={{ marginTop: 16 }}>
              {can(issue, 'sign') && <Input placeholder="签发人（默认本人）" value={signer} onChange={(e) => setSigner(e.target.value)} style={{ width: 200 }} />}
              {steps.filter((s) => can(issue, s.action)).map((s) => (
                <Popconfirm key={s.action} title={s.confirm} onConfirm={() => step(s.action)}>
                  <Button type={s.action === 'reopen' ? 'default' : 'primary'} data-testid={`issue-${s.action}`}>{s.label}</Button>
                </Popconfirm>
              ))}
              {can(issue, 'document') && (
                <Button icon={<DownloadOutlined />} onClick={() => run(() => api.download(pathTo(opinionPaths.issueDocument, { id: issue.id }), `${periodical}${issue.title}.docx`))} data-testid="issue-download">
                  下载 .docx
                </Button>
              )}
              {can(issue, 'document') && (
                <Button icon={<DownloadOutlined />} onClick={() => run(() => api.download(`${pathTo(opinionPaths.issueDocument, { id: issue.id })}${queryString({ format: 'pdf' })}`, `${periodical}${issue.title}.pdf`))} data-testid="issue-download-pdf">
                  下载 PDF
                </Button>
              )}
            </Flex>
          </Card>
        )}
      </Col>
    </Row>
  );
}
