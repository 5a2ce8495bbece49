import { useRef, useState } from 'react';
import { Button, List, Popconfirm, Select, Space, Typography } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { pathTo, queryString } from '@shared/http/paths';
import { meetingPaths } from '@shared/meetings/paths';
import { api } from '../../app/api';
import { downloadFile, run } from '../../app/errors';
import { formatTime } from '../../app/forms';
import type { MeetingDetail } from '@shared/meetings/responses';
import { LinkButton } from '../../app/ui/LinkButton';

const size = (n: number) => (n > 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/** 会议材料与纪要: the text on the event and the files attached; organisers upload and remove. */
export function FilesPanel({ meeting: m, manage, onChange }: { meeting: MeetingDetail; manage: boolean; onChange(d: MeetingDetail): void }) {
  const [kind, setKind] = useState<'materials' | 'minutes'>('materials');
  const input = useRef<HTMLInputElement>(null);
  const upload = (file: File) => run(() => api.upload<MeetingDetail>(`${pathTo(meetingPaths.files, { id: m.id })}${queryString({ kind })}`, file), { success: '已上传' }).then((d) => d && onChange(d));
  const remove = (fileId: string) => run(() => api.post<MeetingDetail>(pathTo(meetingPaths.removeFile, { id: m.id, fileId })), { success: '已移除' }).then((d) => d && onChange(d));

  return (
    <>
      {m.materials && (
        <>
          <Typography.Title level={5}>会议材料</Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{m.materials}</Typography.Paragraph>
        </>
      )}
      {m.minutes && (
        <>
          <Typography.Title level={5}>会议纪要</Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="minutes-view">{m.minutes}</Typography.Paragraph>
        </>
      )}
      <List
        size="small"
        header={<strong>附件</strong>}
        locale={{ emptyText: '暂无附件' }}
        dataSource={m.files}
        renderItem={(f) => (
          <List.Item
            actions={[
              <LinkButton key="d" aria-label={`下载 ${f.filename}`} onClick={() => void downloadFile(pathTo(meetingPaths.file, { id: m.id, fileId: f.id }), f.filename)}>下载</LinkButton>,
              ...(manage ? [<Popconfirm key="r" title="移除该附件？" onConfirm={() => remove(f.id)}><LinkButton danger aria-label={`移除 ${f.filename}`}>移除</LinkButton></Popconfirm>] : []),
            ]}
          >
            <span>[{f.kindLabel}] {f.filename}</span>
            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>{size(f.size)} · {f.uploadedByName} · {formatTime(f.uploadedAt)}</Typography.Text>
          </List.Item>
        )}
      />
      {manage && (
        <Space style={{ marginTop: 8 }}>
          <Select aria-label="文件类别" value={kind} onChange={setKind} options={[{ value: 'materials', label: '会议材料' }, { value: 'minutes', label: '会议纪要' }]} style={{ width: 120 }} />
          <Button icon={<UploadOutlined />} onClick={() => input.current?.click()}>上传附件</Button>
          <input
            ref={input}
            type="file"
            hidden
            accept=".doc,.docx,.xls,.xlsx,.ppt,.pptx,.pdf,.wps,.txt,.jpg,.jpeg,.png,.zip"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void upload(file);
            }}
          />
        </Space>
      )}
    </>
  );
}
