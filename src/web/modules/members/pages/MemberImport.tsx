import { useState } from 'react';
import { Button, Modal, Result, Table, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { memberPaths } from '@shared/members/paths';
import type { ImportResult } from '@shared/members/responses';
import { ApiError, api, type RowIssue } from '../../../app/api';
import { showError } from '../../../app/errors';

type Outcome = { imported: number } | { message: string; rows: RowIssue[] };

/**
 * 导入: uploads a roster .xlsx. The server imports all rows or none; on failure every problem is
 * listed with its row number.
 */
export function MemberImport() {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const upload = async (file: File) => {
    setBusy(true);
    try {
      const result = await api.upload<ImportResult>(memberPaths.import, file);
      // the upload is a write: the roster on screen refetches by itself
      setOutcome({ imported: result.imported });
    } catch (err) {
      if (err instanceof ApiError && err.rows.length) setOutcome({ message: err.message, rows: err.rows });
      else showError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Upload accept=".xlsx" showUploadList={false} beforeUpload={(file) => (void upload(file), false)}>
        <Button icon={<UploadOutlined />} loading={busy} data-testid="member-import">
          导入
        </Button>
      </Upload>
      <Modal title="导入结果" open={outcome !== null} onCancel={() => setOutcome(null)} footer={<Button type="primary" onClick={() => setOutcome(null)}>知道了</Button>} width={720}>
        {outcome && 'imported' in outcome && <Result status="success" title={`已导入 ${outcome.imported} 名委员`} />}
        {outcome && 'rows' in outcome && (
          <>
            <Result status="error" title="未导入任何记录" subTitle={outcome.message} style={{ padding: 16 }} />
            <Table<RowIssue>
              size="small"
              rowKey={(r) => `${r.row}-${r.field}`}
              dataSource={outcome.rows}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[
                { title: '行号', dataIndex: 'row', width: 70 },
                { title: '字段', dataIndex: 'label', width: 120 },
                { title: '问题', dataIndex: 'message' },
              ]}
              data-testid="import-errors"
            />
          </>
        )}
      </Modal>
    </>
  );
}
