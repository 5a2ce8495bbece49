import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Descriptions, Input, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { auditPaths } from '@shared/audit/paths';
import type { AuditActions, AuditEntry, AuditPage as AuditAnswer, Verification } from '@shared/audit/responses';
import { api } from '../../../app/api';
import { run } from '../../../app/errors';
import { formatTime } from '../../../app/forms';
import { useGet } from '../../../app/query';
import { PageCard } from '../../../app/ui/PageCard';
import { ModuleForm } from '../../settings/ModuleForm';

const PAGE_SIZE = 50;
const json = (v: unknown) => (v === null || v === undefined ? '—' : JSON.stringify(v, null, 2));

/** 审计日志 (安全审计员 only): every write with before/after, and a check of the hash chain. */
export default function AuditPage() {
  const [filters, setFilters] = useState<{ action?: string; q?: string; from?: string; to?: string }>({});
  const { data: actions } = useGet<AuditActions>(auditPaths.actions);
  const [page, setPage] = useState(1);
  const [verification, setVerification] = useState<Verification | null>(null);
  const { data, isFetching: loading } = useGet<AuditAnswer>(auditPaths.list, { ...filters, page, pageSize: PAGE_SIZE }, { keepPrevious: true });
  const filter = (patch: typeof filters) => {
    setPage(1);
    setFilters((f) => ({ ...f, ...patch }));
  };
  const verify = () => run(() => api.get<Verification>(auditPaths.verify)).then((v) => v && setVerification(v));

  const columns: TableColumnsType<AuditEntry> = [
    { title: '序号', dataIndex: 'seq', width: 80 },
    { title: '时间', dataIndex: 'at', width: 150, render: formatTime },
    { title: '操作人', dataIndex: 'actorName', width: 120 },
    { title: '操作', dataIndex: 'actionLabel', width: 180, render: (label: string, e) => <span title={e.action}>{label}</span> },
    { title: '对象', key: 'subject', render: (_, e) => <span title={`${e.subjectType} ${e.subjectId}`}>{e.subjectLabel}{e.subjectTitle ? `：${e.subjectTitle}` : ''}</span> },
    { title: '说明', dataIndex: 'note', render: (n: string | null) => n ?? '—' },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <PageCard
        title="审计日志"
        extra={
          <Button icon={<SafetyCertificateOutlined />} onClick={verify} data-testid="audit-verify">
            校验完整性
          </Button>
        }
      >
        {verification &&
          (verification.intact ? (
            <Alert type="success" showIcon title="哈希链完整：审计日志未被篡改" style={{ marginBottom: 12 }} />
          ) : (
            <Alert type="error" showIcon title={`发现 ${verification.broken.length} 处断链：序号 ${verification.broken[0]?.seq}，${verification.broken[0]?.reason ?? ''}`} style={{ marginBottom: 12 }} />
          ))}
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            placeholder="操作，如 提案·立案" aria-label="按操作筛选" allowClear showSearch optionFilterProp="label" style={{ width: 220 }} data-testid="audit-action"
            onChange={(v?: string) => filter({ action: v || undefined })}
            options={(actions?.items ?? []).map((a) => ({ value: a.action, label: a.label }))}
          />
          <Input.Search placeholder="记录标题或编号，如 第0012号" aria-label="按记录标题或编号查找" allowClear onSearch={(v) => filter({ q: v || undefined })} style={{ width: 240 }} data-testid="audit-q" />
          <DatePicker.RangePicker
            aria-label="按日期范围筛选" placeholder={['开始日期', '结束日期']}
            onChange={(range: null | (Dayjs | null)[]) => filter({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
          />
        </Space>
        <Table<AuditEntry>
          rowKey="seq"
          size="small"
          loading={loading}
          dataSource={data?.items}
          columns={columns}
          scroll={{ x: 900 }}
          expandable={{
            expandedRowRender: (e) => (
              <Descriptions size="small" column={1} bordered>
                <Descriptions.Item label="修改前">
                  <pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{json(e.before)}</pre>
                </Descriptions.Item>
                <Descriptions.Item label="修改后">
                  <pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{json(e.after)}</pre>
                </Descriptions.Item>
                <Descriptions.Item label="操作代码与记录编号"><Typography.Text type="secondary">{e.action} · {e.subjectType} · {e.subjectId}</Typography.Text></Descriptions.Item>
                <Descriptions.Item label="哈希">{e.hash}</Descriptions.Item>
              </Descriptions>
            ),
          }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, showSizeChanger: false, onChange: setPage, showTotal: (t) => `共 ${t} 条` }}
        />
      </PageCard>
      {/* 三员分立: the trail's retention is the auditor's to set, not the admin's whose actions it records */}
      <Card title="保留期限" size="small">
        <ModuleForm module="security" year={0} />
      </Card>
    </Space>
  );
}
