import { useState } from 'react';
import { Alert, Button, DatePicker, Descriptions, Input, Space, Table, type TableColumnsType } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { api, query } from '../../../app/api';
import { run } from '../../../app/errors';
import { formatTime } from '../../../app/forms';
import { PageCard } from '../../../app/ui/PageCard';
import { useRemote } from '../../../app/useRemote';

interface AuditEntry {
  seq: number;
  at: string;
  actorName: string;
  action: string;
  subjectType: string;
  subjectId: string;
  note: string | null;
  before: unknown;
  after: unknown;
  hash: string;
}

interface Verification {
  intact: boolean;
  broken: { seq: number; reason?: string }[];
}

const PAGE_SIZE = 50;
const json = (v: unknown) => (v === null || v === undefined ? '—' : JSON.stringify(v, null, 2));

/** 审计日志 (安全审计员 only): every write with before/after, and a check of the hash chain. */
export default function AuditPage() {
  const [filters, setFilters] = useState<{ action?: string; subjectType?: string; from?: string; to?: string }>({});
  const [page, setPage] = useState(1);
  const [verification, setVerification] = useState<Verification | null>(null);
  const { data, loading } = useRemote(() => api.get<{ items: AuditEntry[]; total: number }>(`/audit${query({ ...filters, page, pageSize: PAGE_SIZE })}`), [filters, page]);
  const filter = (patch: typeof filters) => {
    setPage(1);
    setFilters((f) => ({ ...f, ...patch }));
  };
  const verify = () => run(() => api.get<Verification>('/audit/verify')).then((v) => v && setVerification(v));

  const columns: TableColumnsType<AuditEntry> = [
    { title: '序号', dataIndex: 'seq', width: 80 },
    { title: '时间', dataIndex: 'at', width: 150, render: formatTime },
    { title: '操作人', dataIndex: 'actorName', width: 120 },
    { title: '操作', dataIndex: 'action', width: 200 },
    { title: '对象', key: 'subject', render: (_, e) => `${e.subjectType} · ${e.subjectId}` },
    { title: '说明', dataIndex: 'note', render: (n: string | null) => n ?? '—' },
  ];

  return (
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
        <Input.Search placeholder="操作，如 proposal.file" allowClear onSearch={(v) => filter({ action: v || undefined })} style={{ width: 220 }} />
        <Input.Search placeholder="对象类型，如 proposal" allowClear onSearch={(v) => filter({ subjectType: v || undefined })} style={{ width: 220 }} />
        <DatePicker.RangePicker
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
              <Descriptions.Item label="哈希">{e.hash}</Descriptions.Item>
            </Descriptions>
          ),
        }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, showSizeChanger: false, onChange: setPage, showTotal: (t) => `共 ${t} 条` }}
      />
    </PageCard>
  );
}
