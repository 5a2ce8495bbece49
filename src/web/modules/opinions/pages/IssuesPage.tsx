import { useState } from 'react';
import { Button, Card, Col, Empty, Flex, Input, List, Popconfirm, Row, Space, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { api } from '../../../app/api';
import { run } from '../../../app/errors';
import { can, formatTime } from '../../../app/forms';
import { PageCard } from '../../../app/ui/PageCard';
import { useRemote } from '../../../app/useRemote';
import { issueStatusColors, issueStatusLabels, type Issue } from '../types';
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
  const { data, loading, reload } = useRemote(() => api.get<{ items: Issue[]; actions: string[] }>('/opinions/issues'), []);
  const [currentId, setCurrentId] = useState<string>();
  const selectedId = currentId ?? data?.items[0]?.id;
  const { data: issue, reload: reloadIssue, setData } = useRemote(async () => (selectedId ? api.get<Issue>(`/opinions/issues/${selectedId}`) : undefined), [selectedId]);
  const [signer, setSigner] = useState('');
  const periodical = options?.periodical ?? '社情民意';

  const refresh = (next: Issue | undefined) => {
    if (!next) return;
    setData(next);
    void reload();
  };
  const step = (action: string) =>
    run(() => api.post<Issue>(`/opinions/issues/${issue!.id}/actions/${action}`, { version: issue!.version, signedByName: action === 'sign' && signer.trim() ? signer.trim() : undefined }), { success: '已完成', onConflict: reloadIssue }).then(refresh);
  const move = (index: number, delta: number) => {
    const ids = issue!.items!.map((i) => i.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + delta, 0, moved);
    return run(() => api.post<Issue>(`/opinions/issues/${issue!.id}/order`, { version: issue!.version, opinionIds: ids }), { onConflict: reloadIssue }).then(refresh);
  };
  const create = () => run(() => api.post<Issue>('/opinions/issues', {}), { success: '已新建一期' }).then((i) => {
    if (!i) return;
    void reload();
    setCurrentId(i.id);
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
                <Space><span>{i.title}</span><Tag color={issueStatusColors[i.status]}>{issueStatusLabels[i.status]}</Tag></Space>
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
            extra={<Tag color={issueStatusColors[issue.status]} data-testid="issue-status">{issueStatusLabels[issue.status]}</Tag>}
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
                    <Button key="u" size="small" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => move(index, -1)} aria-label="上移" />,
                    <Button key="d" size="small" icon={<ArrowDownOutlined />} disabled={index === issue.items!.length - 1} onClick={() => move(index, 1)} aria-label="下移" />,
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
                <Button icon={<DownloadOutlined />} onClick={() => run(() => api.download(`/opinions/issues/${issue.id}/document`, `${periodical}${issue.title}.docx`))} data-testid="issue-download">
                  下载 .docx
                </Button>
              )}
              {can(issue, 'document') && (
                <Button icon={<DownloadOutlined />} onClick={() => run(() => api.download(`/opinions/issues/${issue.id}/document?format=pdf`, `${periodical}${issue.title}.pdf`))} data-testid="issue-download-pdf">
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
