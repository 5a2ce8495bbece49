import { Flex, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { downloadFile } from '../errors';
import { LinkButton } from './LinkButton';
import type { Attachment } from '@shared/http/responses';
import { fileSize } from './AttachmentPicker';

/** 附件：the files of a record as download links; `href` gives a file's download path from the record's route table. */
export function AttachmentLinks({ href, files, testId }: { href: (attachmentId: string) => string; files: Attachment[]; testId: string }) {
  if (files.length === 0) return null;
  return (
    <Flex wrap gap={12} style={{ marginBottom: 12 }} data-testid={testId}>
      <Typography.Text type="secondary">附件：</Typography.Text>
      {files.map((a) => (
        // a button, not an <a> without href: reachable by keyboard, and a failed download says why
        <LinkButton key={a.id} icon={<PaperClipOutlined />} style={{ whiteSpace: 'normal', textAlign: 'start' }} onClick={() => void downloadFile(href(a.id), a.filename)}>
          {a.filename}（{fileSize(a.size)}）
        </LinkButton>
      ))}
    </Flex>
  );
}
