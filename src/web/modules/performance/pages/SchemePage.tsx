import { useEffect, useState } from 'react';
import { GuardedButton } from '../../../app/ui/GuardedButton';
import { Alert, Button, Card, Checkbox, Descriptions, Flex, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { pathTo, queryString } from '@shared/http/paths';
import { performancePaths } from '@shared/performance/paths';
import type { RulesAnswer } from '@shared/performance/responses';
import type { ScoreItem, ScoringRules } from '@shared/performance/rules';
import { settingsPaths } from '@shared/settings/paths';
import type { ModuleSettings } from '@shared/settings/responses';
import { api } from '../../../app/api';
import { run } from '../../../app/errors';
import { can } from '../../../app/forms';
import { PageCard } from '../../../app/ui/PageCard';
import { useGet } from '../../../app/query';
import { yearOptions } from '../years';

/** The scheme is the performance module's setting `rules`, saved like every setting. */
const settingsPath = pathTo(settingsPaths.module, { module: 'performance' });

/**
 * 考核办法设置, per year: pick one of the presets (Jinan 2015, Tongcheng 2019, Minhang, the default)
 * and adjust points, caps, base score, grade bands and yearly minimums. Admins save; others read.
 */
export default function SchemePage() {
  const [year, setYear] = useState(dayjs().year());
  const { data: answer } = useGet<RulesAnswer>(performancePaths.rules, { year });
  const { data: stored } = useGet<ModuleSettings>(settingsPath, { year });
  const [draft, setDraft] = useState<ScoringRules>();
  const [preset, setPreset] = useState<string>();
  // the draft starts from the rules in force, and again after a save or a version conflict refetched them
  useEffect(() => setDraft(answer?.rules), [answer]);
  if (!answer || !stored || !draft) return <PageCard title="考核办法">加载中…</PageCard>;
  const editable = can(stored, 'update');
  const kindText = (kinds: string[]) => kinds.map((k) => answer.kinds[k] ?? k).join('、');
  const setItem = (i: number, patch: Partial<ScoreItem>) => setDraft({ ...draft, items: draft.items.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
  const changed = JSON.stringify(draft) !== JSON.stringify(answer.rules);
  const save = () =>
    run(() => api.put(`${settingsPath}${queryString({ year })}`, { version: stored.version, values: { rules: draft } }), { success: `${year}年度考核办法已保存` });

  return (
    <PageCard
      title="考核办法"
      extra={
        <>
          <Select aria-label="年度" value={year} onChange={setYear} options={yearOptions(dayjs().year() + 1)} style={{ width: 120 }} />
          {editable && (
            <Space.Compact>
              <Select aria-label="预设方案" placeholder="选择预设方案" value={preset} onChange={setPreset} options={answer.presets.map((p) => ({ value: p.key, label: p.name }))} style={{ width: 260 }} data-testid="scheme-preset" />
              <GuardedButton why={!preset ? '请先选择预设方案' : null} onClick={() => setDraft(answer.presets.find((p) => p.key === preset)!.rules)}>套用</GuardedButton>
            </Space.Compact>
          )}
          {editable && <GuardedButton type="primary" why={!changed ? '尚未修改' : null} onClick={save} data-testid="scheme-save">保存</GuardedButton>}
        </>
      }
    >
      {!editable && <Alert type="info" showIcon style={{ marginBottom: 12 }} message="考核办法由系统管理员设置，此处仅供查阅。" />}
      {changed && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="有未保存的修改；保存后本年度得分即按新办法重新计算。" />}
      <Flex vertical gap={16}>
        <Card size="small" title="基本">
          <Descriptions size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label="办法名称"><Input aria-label="办法名称" value={draft.name} disabled={!editable} onChange={(e) => setDraft({ ...draft, name: e.target.value })} /></Descriptions.Item>
            <Descriptions.Item label="依据"><Input aria-label="依据" value={draft.source} disabled={!editable} onChange={(e) => setDraft({ ...draft, source: e.target.value })} /></Descriptions.Item>
            <Descriptions.Item label="基础分"><InputNumber aria-label="基础分" min={0} max={1000} value={draft.base} disabled={!editable} onChange={(v) => setDraft({ ...draft, base: v ?? 0 })} /></Descriptions.Item>
            <Descriptions.Item label="最高总分"><InputNumber aria-label="最高总分" min={0} max={10000} value={draft.maxTotal ?? undefined} disabled={!editable} placeholder="不限" onChange={(v) => setDraft({ ...draft, maxTotal: v ?? null })} /></Descriptions.Item>
            <Descriptions.Item label="表彰名额（0为不限）"><InputNumber aria-label="表彰名额（0为不限）" min={0} max={1000} value={draft.commendTop} disabled={!editable} onChange={(v) => setDraft({ ...draft, commendTop: v ?? 0 })} /></Descriptions.Item>
            <Descriptions.Item label="分类">{draft.categories.map((c) => <Tag key={c.key}>{c.label}{c.cap ? ` 上限${c.cap}` : ''}{c.tiers?.length ? `：${c.tiers.map((t) => `${t.label}${t.score}分`).join('/')}` : ''}</Tag>)}</Descriptions.Item>
          </Descriptions>
        </Card>
        <Card size="small" title="计分项目">
          <Table
            rowKey="key" size="small" pagination={false} dataSource={draft.items} scroll={{ x: 900 }}
            columns={[
              { title: '项目', dataIndex: 'label', width: 200 },
              { title: '计入的履职记录', dataIndex: 'kinds', render: (v: string[], it: ScoreItem) => <Typography.Text type="secondary">{kindText(v)}{it.part !== 'any' ? `（${it.part === 'lead' ? '主笔' : '参与'}）` : ''}{it.split ? `（联名：第一提案人${it.split.leadShare * 100}%）` : ''}</Typography.Text> },
              { title: '单位', dataIndex: 'unit', width: 90, render: (v, it, i) => <Select aria-label={`${it.label}：单位`} value={v} disabled={!editable} onChange={(u) => setItem(i, { unit: u })} options={Object.entries(answer.units).map(([value, label]) => ({ value, label }))} /> },
              { title: '分值', dataIndex: 'points', width: 100, render: (v, it, i) => <InputNumber aria-label={`${it.label}：分值`} value={v} min={-1000} max={1000} disabled={!editable} onChange={(p) => setItem(i, { points: p ?? 0 })} data-testid={`scheme-points-${i}`} /> },
              { title: '上限', dataIndex: 'cap', width: 100, render: (v, it, i) => <InputNumber aria-label={`${it.label}：上限`} value={v ?? undefined} min={0} max={10000} placeholder="不限" disabled={!editable} onChange={(c) => setItem(i, { cap: c ?? null })} /> },
              { title: '前几项不计分', dataIndex: 'skipFirst', width: 110, render: (v, it, i) => <InputNumber aria-label={`${it.label}：前几项不计分`} value={v} min={0} max={100} disabled={!editable} onChange={(n) => setItem(i, { skipFirst: n ?? 0 })} /> },
            ]}
          />
        </Card>
        <Card size="small" title="等次">
          <Table
            rowKey="key" size="small" pagination={false} dataSource={draft.grades} locale={{ emptyText: '不评定等次' }}
            columns={[
              { title: '等次', dataIndex: 'label' },
              { title: '最低分', dataIndex: 'min', render: (v, grade, i) => <InputNumber aria-label={`${grade.label}：最低分`} value={v} disabled={!editable} onChange={(m) => setDraft({ ...draft, grades: draft.grades.map((g, j) => (j === i ? { ...g, min: m ?? 0 } : g)) })} /> },
              { title: '列入表彰', dataIndex: 'commend', render: (v, grade, i) => <Checkbox aria-label={`${grade.label}：列入表彰`} checked={v} disabled={!editable} onChange={(e) => setDraft({ ...draft, grades: draft.grades.map((g, j) => (j === i ? { ...g, commend: e.target.checked } : g)) })} /> },
              { title: '须完成年度基本要求', dataIndex: 'requiresQuotas', render: (v, grade, i) => <Checkbox aria-label={`${grade.label}：须完成年度基本要求`} checked={Boolean(v)} disabled={!editable} onChange={(e) => setDraft({ ...draft, grades: draft.grades.map((g, j) => (j === i ? { ...g, requiresQuotas: e.target.checked } : g)) })} /> },
              { title: '列入约谈', dataIndex: 'talk', render: (v, grade, i) => <Checkbox aria-label={`${grade.label}：列入约谈`} checked={v} disabled={!editable} onChange={(e) => setDraft({ ...draft, grades: draft.grades.map((g, j) => (j === i ? { ...g, talk: e.target.checked } : g)) })} /> },
            ]}
          />
        </Card>
        <Card size="small" title="年度基本要求">
          <Table
            rowKey="key" size="small" pagination={false} dataSource={draft.quotas} locale={{ emptyText: '未设年度基本要求' }}
            columns={[
              { title: '要求', dataIndex: 'label', width: 200 },
              { title: '计入的履职记录', dataIndex: 'kinds', render: (v: string[]) => <Typography.Text type="secondary">{kindText(v)}</Typography.Text> },
              { title: '每年至少', dataIndex: 'min', width: 110, render: (v, q, i) => <InputNumber aria-label={`${q.label}：每年至少`} value={v} min={1} max={100} disabled={!editable} onChange={(m) => setDraft({ ...draft, quotas: draft.quotas.map((q, j) => (j === i ? { ...q, min: m ?? 1 } : q)) })} /> },
            ]}
          />
        </Card>
        <Card size="small" title="约谈与劝辞">
          {draft.sanctions.length === 0 ? <Typography.Text type="secondary">未设</Typography.Text> : draft.sanctions.map((s) => (
            <div key={s.key}>{s.label}：{s.scope === 'term' ? '一届内' : '一年内'}达到{s.count}次 → {s.action === 'resign' ? '劝其辞去委员' : '约谈'}</div>
          ))}
        </Card>
      </Flex>
    </PageCard>
  );
}
