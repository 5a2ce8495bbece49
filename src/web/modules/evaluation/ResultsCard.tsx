import { Alert, Button, Flex, Progress, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { evaluationPaths } from '@shared/evaluation/paths';
import type { CampaignResultsView } from '@shared/evaluation/responses';
import { pathTo } from '@shared/http/paths';
import { downloadFile } from '../../app/errors';
import { useGet } from '../../app/query';
import { PageCard } from '../../app/ui/PageCard';
import { gradeColors } from './colors';

const score = (n: number | null) => (n === null ? '—' : n.toFixed(2));
type Department = CampaignResultsView['departments'][number];

/**
 * 评议结果: the participation per department against the quorum while the questionnaire is open;
 * from deliberation on the ranking, each indicator's score, the satisfactory and the followed-up
 * departments, and the .xlsx and .docx downloads. Counts only — no one's ballot.
 */
export function ResultsCard({ campaignId, title }: { campaignId: string; title: string }) {
  const { data: r } = useGet<CampaignResultsView>(pathTo(evaluationPaths.results, { id: campaignId }), undefined, { quiet: true });
  if (!r) return null;
  const downloads = r.scoresShown && (
    <>
      <Button icon={<DownloadOutlined />} onClick={() => downloadFile(pathTo(evaluationPaths.resultsExport, { id: campaignId }), `${r.year}年度民主评议结果.xlsx`)} data-testid="results-xlsx">导出结果 (.xlsx)</Button>
      <Button icon={<DownloadOutlined />} onClick={() => downloadFile(pathTo(evaluationPaths.report, { id: campaignId }), `${title}结果报告.docx`)} data-testid="results-docx">结果报告 (.docx)</Button>
    </>
  );
  return (
    <PageCard title="评议结果" level={2} extra={downloads}>
      <Flex vertical gap={12}>
        <Typography.Text>受邀委员{r.invited}人，每个部门须有{r.quorum}名委员以上参评方为有效（超过法定比例）。</Typography.Text>
        <Typography.Text type="secondary" data-testid="results-weights">
          委员、特邀群众代表、社会公众分别计票，综合得分按{r.kinds.map((k) => `${k.label}${k.weight}%`).join('、')}的权重合成（某类无有效评议时按其余权重折算）。
        </Typography.Text>
        {!r.scoresShown && <Alert type="info" showIcon message="问卷填写中：评议审议阶段才计算得分，此处仅显示各部门参评人数。" />}
        {r.scoresShown && !r.complete && <Alert type="warning" showIcon message="尚有部门参评人数不足，暂不能排名和公布。" />}
        <Table
          size="small"
          rowKey="unitId"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={r.departments}
          data-testid="results-table"
          columns={[
            ...(r.scoresShown ? [{ title: '名次', dataIndex: 'rank', render: (v: number | null) => v ?? '—' }] : []),
            { title: '评议部门', dataIndex: 'name' },
            { title: '参评委员', dataIndex: 'memberRespondents', render: (v: number, d) => <Flex gap={6} align="center"><Progress percent={Math.min(100, Math.round((v / Math.max(r.quorum, 1)) * 100))} size="small" style={{ width: 80 }} showInfo={false} aria-label={`${d.name}参评进度`} />{v}{d.quorumMet ? '' : `（不足${r.quorum}）`}</Flex> },
            { title: '代表/公众', key: 'others', render: (_: unknown, d: Department) => d.byKind.filter((k) => k.kind !== 'member').map((k) => k.respondents).join(' / ') },
            { title: '合计', dataIndex: 'respondents' },
            ...(r.scoresShown
              ? [
                  ...r.indicators.map((i, n) => ({ title: `${i.label}（${i.weight}）`, key: i.key, render: (_: unknown, d: CampaignResultsView['departments'][number]) => score(d.indicators[n]?.score ?? null) })),
                  ...r.kinds.map((k) => ({ title: `${k.label}评分（${k.weight}%）`, key: `kind-${k.kind}`, render: (_: unknown, d: Department) => score(d.byKind.find((x) => x.kind === k.kind)?.score ?? null) })),
                  { title: '综合得分', dataIndex: 'score', render: (v: number | null) => <strong data-testid="results-score">{score(v)}</strong> },
                  { title: '评定', dataIndex: 'gradeLabel', render: (v: string, d: CampaignResultsView['departments'][number]) => (v ? <Tag color={gradeColors[d.grade ?? 'ranked']}>{v}</Tag> : '') },
                ]
              : []),
          ]}
        />
      </Flex>
    </PageCard>
  );
}
