import { App, Button, List, Upload } from 'antd';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { allowedAttachment, attachmentLimits } from '@shared/http/attachments';
import type { Attachment } from '@shared/http/responses';
import { GuardedButton } from './GuardedButton';

export type { Attachment };

/** The limits the server enforces, checked first so nobody waits for a refusal. */
const MAX_FILES = attachmentLimits.maxFiles;

export const fileSize = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

interface Props {
  /** files already on the draft */
  existing: Attachment[];
  /** files chosen here, uploaded when the report is saved */
  pending: File[];
  onPending(files: File[]): void;
  onRemoveExisting(a: Attachment): Promise<void>;
  /** how the record is named in the limit message: 每篇信息 / 每件提案 */
  perRecord: string;
  testId: string;
}

/** 附件: choose files for a record; they go up with the next save. */
export function AttachmentPicker({ existing, pending, onPending, onRemoveExisting, perRecord, testId }: Props) {
  const { message } = App.useApp();
  const full = existing.length + pending.length >= MAX_FILES;
  const add = (file: File) => {
    if (!allowedAttachment(file.name)) message.error(`${file.name}：${attachmentLimits.allowedText}`);
    else if (file.size === 0) message.error(`${file.name}：文件是空的`);
    else if (file.size > attachmentLimits.maxBytes) message.error(`${file.name}：${attachmentLimits.tooLarge}`);
    else if (existing.length + pending.length >= MAX_FILES) message.error(`${perRecord}最多${MAX_FILES}个附件`);
    else onPending([...pending, file]);
    return false;
  };
  const rows = [
    ...existing.map((a) => ({ key: a.id, name: a.filename, size: a.size, note: '已上传', remove: () => onRemoveExisting(a) })),
    ...pending.map((f, i) => ({ key: `new-${i}-${f.name}`, name: f.name, size: f.size, note: '保存时上传', remove: async () => onPending(pending.filter((p) => p !== f)) })),
  ];
  return (
    <>
      <Upload multiple showUploadList={false} beforeUpload={add} disabled={full}>
        <GuardedButton icon={<UploadOutlined />} why={full && `最多${MAX_FILES}个附件，已达上限；可先删除再添加`} data-testid={testId}>选择文件</GuardedButton>
      </Upload>
      {rows.length > 0 && (
        <List
          size="small"
          dataSource={rows}
          renderItem={(r) => (
            <List.Item actions={[<Button key="d" type="text" size="small" icon={<DeleteOutlined />} onClick={() => void r.remove()} aria-label={`移除 ${r.name}`} />]}>
              <PaperClipOutlined /> {r.name} <span style={{ color: 'rgba(0, 0, 0, 0.6)' }}>（{fileSize(r.size)}，{r.note}）</span>
            </List.Item>
          )}
        />
      )}
    </>
  );
}
