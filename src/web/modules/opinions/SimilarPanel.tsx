import { useEffect, useState } from 'react';
import { Card, Empty, Form, List, Progress, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { api, query } from '../../app/api';
import { statusColors, type SimilarOpinion } from './types';

/** Wait this long after the last keystroke before asking: one request per pause, not per character. */
const DEBOUNCE_MS = 600;
/** Fewer characters say too little about the problem to look for it. */
const MIN_CHARS = 6;

/**
 * 相似信息: earlier reports on the same problem, shown beside the text while it is written or
 * edited, so a member can sharpen a repeated report and the office can combine instead of
 * adopting twice. Reads the title and body of the surrounding form; `excludeId` leaves out the
 * report being edited.
 */
export function SimilarPanel({ excludeId }: { excludeId?: string }) {
  const form = Form.useFormInstance();
  const title = (Form.useWatch('title', form) as string | undefined) ?? '';
  const body = (Form.useWatch('body', form) as string | undefined) ?? '';
  const text = `${title}\n${body}`.trim();
  const [rows, setRows] = useState<SimilarOpinion[] | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if ([...text].length < MIN_CHARS) {
      setRows(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      setBusy(true);
      // a failed look-up only empties the panel: it must never get in the way of writing
      api
        .get<SimilarOpinion[]>(`/opinions/similar${query({ text: [...text].slice(0, 3000).join(''), limit: 6, exclude: excludeId })}`)
        .then((r) => current && setRows(r))
        .catch(() => current && setRows([]))
        .finally(() => current && setBusy(false));
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, excludeId]);

  return (
    <Card size="small" title="相似的往期信息" extra={busy && <Spin size="small" />} data-testid="opinion-similar" styles={{ body: { maxHeight: 460, overflowY: 'auto' } }}>
      {rows === null ? (
        <Typography.Text type="secondary">输入标题和正文后，这里会列出反映同类问题的往期信息，供参考。</Typography.Text>
      ) : rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未发现相似信息" />
      ) : (
        <List
          size="small"
          dataSource={rows}
          renderItem={(r) => (
            <List.Item data-testid="opinion-similar-item">
              <div style={{ width: '100%' }}>
                <div>{r.readable ? <Link to={`/opinions/${r.id}`} target="_blank">{r.title}</Link> : r.title}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.year}年 · {r.authorText}{r.issueTitle ? ` · 编入${r.issueTitle}` : ''}
                </Typography.Text>{' '}
                <Tag color={statusColors[r.status]}>{r.statusLabel}</Tag>
                <Progress percent={Math.round(r.score * 100)} size="small" format={(p) => `相似度 ${p}%`} />
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
