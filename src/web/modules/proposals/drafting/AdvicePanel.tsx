import { useEffect, useState } from 'react';
import { Alert, Button, Card, Empty, List, Space, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { proposalPaths } from '@shared/proposals/paths';
import { api } from '../../../app/api';
import type { Advice, SubjectGroup } from './types';

/** The draft as the form holds it: what POST /api/proposals/drafting/advice reads. */
export interface DraftFields {
  title?: string;
  background?: string;
  analysis?: string;
  suggestions?: string;
  category?: string;
  collectiveBody?: string | null;
}

/** Wait this long after the last keystroke: one request per pause. */
const DEBOUNCE_MS = 700;
/** Under this much text there is nothing to advise on yet. */
const MIN_CHARS = 10;

/**
 * 提交前检查 while the member writes: asked again a moment after typing stops; null until there is
 * text. A failed look-up shows nothing — advice must never get in the way of writing.
 */
export function useDraftAdvice(d: DraftFields, excludeId?: string) {
  const [advice, setAdvice] = useState<Advice[] | null>(null);
  const [busy, setBusy] = useState(false);
  const key = JSON.stringify([d.title, d.background, d.analysis, d.suggestions, d.category, d.collectiveBody, excludeId]);
  useEffect(() => {
    const text = [d.title, d.background, d.analysis, d.suggestions].join('');
    if ([...text.trim()].length < MIN_CHARS) {
      setAdvice(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      setBusy(true);
      api
        .post<{ advice: Advice[] }>(proposalPaths.draftingAdvice, {
          title: (d.title ?? '').slice(0, 100), background: d.background ?? '', analysis: d.analysis ?? '', suggestions: d.suggestions ?? '',
          category: d.category || undefined, collectiveBody: d.collectiveBody || undefined, excludeId,
        })
        .then((r) => current && setAdvice(r.advice))
        .catch(() => current && setAdvice(null))
        .finally(() => current && setBusy(false));
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // the key holds every field read above
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return { advice, busy };
}

/** What the form does for the one-click actions; an action the form does not offer is not shown. */
export interface AdviceActions {
  useTitle?: (title: string) => void;
  split?: (groups: SubjectGroup[]) => Promise<void>;
  toOpinion?: () => Promise<void>;
  /** the portal's 民生诉求 form with the draft's text carried over */
  requestForm?: () => string;
}

/** One piece of advice: the committee's wording, what was found, and the one-click actions `actions` offers. */
export function AdviceItem({ a, actions, testId = 'advice' }: { a: Advice; actions: AdviceActions; testId?: string }) {
  const [busy, setBusy] = useState(false);
  const go = async (f: () => Promise<void>) => {
    setBusy(true);
    try {
      await f();
    } finally {
      setBusy(false);
    }
  };
  const d = a.detail;
  return (
    <List.Item data-testid={`${testId}-${a.check}`}>
      <Space orientation="vertical" size={4} style={{ width: '100%', minWidth: 0 }}>
        <span>
          <Tag color="orange">{a.label}</Tag>
          <Typography.Text>{a.message}</Typography.Text>
        </span>
        <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-word' }}>
          {a.because}
        </Typography.Text>
        {a.check === 'ownEarlier' &&
          d?.proposals?.slice(0, 3).map((p) => (
            <Link key={p.id} to={`/proposals/${p.id}`} target="_blank" style={{ fontSize: 12 }}>
              {p.year}年 {p.title}（{p.statusLabel}）
            </Link>
          ))}
        {a.check === 'title' && d?.suggested && actions.useTitle && (
          <Button size="small" onClick={() => actions.useTitle!(d.suggested!)} data-testid="advice-use-title">
            改为“{d.suggested}”
          </Button>
        )}
        {a.check === 'oneIssue' && d?.groups && actions.split && (
          <Button size="small" type="primary" loading={busy} onClick={() => go(() => actions.split!(d.groups!))} data-testid="advice-split">
            拆分：第{d.groups.slice(1).map((g) => g.items.join('、')).join('；')}条另存为新提案草稿
          </Button>
        )}
        {a.check === 'channel' && (
          <>
            {d?.opinion && actions.toOpinion && (
              <Button size="small" loading={busy} onClick={() => go(actions.toOpinion!)} data-testid="advice-to-opinion">
                转为社情民意信息草稿
              </Button>
            )}
            {d?.request && actions.requestForm && (
              <>
                <Button size="small" onClick={() => window.open(actions.requestForm!(), '_blank', 'noopener')} data-testid="advice-to-request">
                  转到民生诉求表单
                </Button>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  在公开门户打开“反映民生诉求”，已带入草稿内容；补充地点和联系电话后由本人或当事群众提交。
                </Typography.Text>
              </>
            )}
          </>
        )}
      </Space>
    </List.Item>
  );
}

/**
 * 提交前检查: advice on the draft, each with what was found and, where the issue asks, a one-click
 * action (use the usual title, split a two-issue draft, turn a personal matter into a 社情民意
 * report). Advice only: the draft can always be saved and submitted as it is.
 */
export function AdvicePanel({ advice, busy, actions, notice }: ReturnType<typeof useDraftAdvice> & { actions: AdviceActions; notice?: React.ReactNode }) {
  return (
    <Card size="small" title="提交前检查（建议，不影响提交）" extra={busy && <Spin size="small" />} data-testid="advice-panel">
      {notice}
      {!advice ? (
        <Typography.Text type="secondary">写下案由和正文后，这里会提示一事一案、三部分是否齐全、建议是否具体等，仅供参考。</Typography.Text>
      ) : advice.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未发现需要注意的问题" />
      ) : (
        <List size="small" dataSource={advice} renderItem={(a) => <AdviceItem a={a} actions={actions} />} />
      )}
    </Card>
  );
}

/** A note after an action, e.g. where the split-off draft went. */
export function ActionNotice({ children, onClose }: { children: React.ReactNode; onClose: () => void }) {
  return <Alert type="success" showIcon closable={{ onClose }} style={{ marginBottom: 8 }} title={children} data-testid="advice-notice" />;
}
