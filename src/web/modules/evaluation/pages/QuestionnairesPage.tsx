import { Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { CheckCircleOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { evaluationPaths } from '@shared/evaluation/paths';
import type { Questionnaire } from '@shared/evaluation/responses';
import { pathTo } from '@shared/http/paths';
import { formatDay } from '../../../app/forms';
import { useGet } from '../../../app/query';
import { PageCard } from '../../../app/ui/PageCard';
import { campaignColors } from '../colors';
import { Ballot } from '../Ballot';

/**
 * 我的评议问卷: each campaign the member is invited to, one card per department — the choices for
 * every indicator while the questionnaire is open, 已提交 once answered (the member sees that they
 * answered, never anyone's choices, their own included), the results once published. Cards, so it
 * works on a phone.
 */
export default function QuestionnairesPage() {
  const { data, isFetching } = useGet<{ items: Questionnaire[] }>(evaluationPaths.questionnaires);
  return (
    <PageCard title="我的评议问卷">
      {data && data.items.length === 0 && <Empty description="您暂无民主评议问卷" />}
      <List
        loading={isFetching && !data}
        dataSource={data?.items ?? []}
        renderItem={(q) => (
          <List.Item style={{ display: 'block' }} data-testid="questionnaire">
            <Flex vertical gap={8}>
              <Typography.Title level={2} style={{ fontSize: 17, margin: 0, whiteSpace: 'normal' }}>{q.title}</Typography.Title>
              <Flex wrap gap={6} align="center">
                <Tag color={campaignColors[q.status]}>{q.statusLabel}</Tag>
                <Typography.Text data-testid="questionnaire-progress">已评议 {q.respondedCount}/{q.departments.length} 个部门</Typography.Text>
                {q.open && <Typography.Text type="secondary">{formatDay(q.closesOn)}前填写</Typography.Text>}
              </Flex>
              {q.open && <Typography.Text type="secondary">无记名评议：系统只统计票数，不保存您的选择，每个部门只能提交一次。</Typography.Text>}
              {q.resultsPublished && <Link to={`/evaluation/campaigns/${q.id}`}>查看评议结果</Link>}
              {/* a closed questionnaire is only a record of what the member took part in: one line */}
              {!q.open && (
                <Flex wrap gap={4}>
                  {q.departments.map((d) => <Tag key={d.unitId} color={d.responded ? 'green' : 'default'}>{d.name}{d.responded ? ' ✓' : ''}</Tag>)}
                </Flex>
              )}
              {q.open && q.departments.map((d) => (
                <Card key={d.unitId} size="small" title={<span style={{ whiteSpace: 'normal' }}>{d.name}</span>} extra={d.responded ? <Tag icon={<CheckCircleOutlined />} color="green">已提交</Tag> : null} data-testid="ballot-card">
                  {d.responded ? <Typography.Text type="secondary">您已提交对该部门的评议。</Typography.Text> : <Ballot indicators={q.indicators} unitId={d.unitId} name={d.name} url={pathTo(evaluationPaths.responses, { id: q.id })} />}
                </Card>
              ))}
            </Flex>
          </List.Item>
        )}
      />
    </PageCard>
  );
}
