import { useState } from 'react';
import { Alert, Button, Input, Space, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { readIcs, readNoticeText, type NoticeReading, type NoticeRow } from '@shared/calendar/notice-import';

/**
 * 从通知原文识别: the platform's admin pastes the State Council's notice (or picks an .ics file) and
 * the form below fills with its rows, to be checked against the notice before saving. What could not
 * be read is named, so a holiday is never dropped without anyone seeing it.
 */
export function NoticeImport({ year, onRows }: { year: number; onRows: (rows: NoticeRow[]) => void }) {
  const [text, setText] = useState('');
  const [reading, setReading] = useState<NoticeReading | null>(null);
  const take = (r: NoticeReading) => {
    setReading(r);
    if (r.days.length > 0) onRows(r.days);
  };

  return (
    <Space orientation="vertical" style={{ width: '100%', marginBottom: 12 }}>
      <Input.TextArea
        aria-label="通知原文" rows={4} value={text} onChange={(e) => setText(e.target.value)}
        placeholder={`粘贴《国务院办公厅关于${year}年部分节假日安排的通知》正文，如：一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。`}
      />
      <Space wrap>
        <Button onClick={() => take(readNoticeText(text, year))} disabled={!text.trim()} title={text.trim() ? undefined : '先粘贴通知原文'}>
          识别通知原文
        </Button>
        <Upload accept=".ics,text/calendar" showUploadList={false} beforeUpload={(file) => { file.text().then((ics) => take(readIcs(ics, year))); return false; }}>
          <Button icon={<UploadOutlined />}>导入日历文件（.ics）</Button>
        </Upload>
      </Space>
      {reading && (
        <Alert
          type={reading.unread.length || reading.days.length === 0 ? 'warning' : 'success'} showIcon data-testid="notice-reading"
          title={`识别出 ${reading.days.length} 天（放假 ${reading.days.filter((d) => d.isOffDay).length} 天、调休上班 ${reading.days.filter((d) => !d.isOffDay).length} 天），已填入下表，请与通知核对后保存。`}
          description={reading.unread.length ? `未能识别：${reading.unread.join('；')}` : undefined}
        />
      )}
    </Space>
  );
}
