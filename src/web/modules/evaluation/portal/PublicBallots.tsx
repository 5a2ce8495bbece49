import { Card, Flex, Tag, Typography } from 'antd';
import { CheckCircleOutlined } from '@ant-design/icons';
import type { PublicQuestionnaire } from '@shared/evaluation/responses';
import { formatDay } from '../../../app/forms';
import { Ballot } from '../Ballot';

/**
 * The departments of a questionnaire as cards, phone-first: the choices for every indicator while
 * it is open, 已提交 once answered (the server keeps counts only — what was chosen is kept nowhere).
 * Used by a representative's personal link and by the portal's public questionnaire.
 */
export function PublicBallots({ q, url }: { q: PublicQuestionnaire; url: string }) {
  return (
    <Flex vertical gap={8}>
      <Flex wrap gap={6} align="center">
        <Typography.Text data-testid="questionnaire-progress">已评议 {q.respondedCount}/{q.departments.length} 个部门</Typography.Text>
        {q.open && <Typography.Text type="secondary">{formatDay(q.closesOn)}前填写</Typography.Text>}
      </Flex>
      {q.departments.map((d) => (
        <Card key={d.unitId} size="small" title={<span style={{ whiteSpace: 'normal' }}>{d.name}</span>} extra={d.responded ? <Tag icon={<CheckCircleOutlined />} color="green">已提交</Tag> : null} data-testid="ballot-card">
          {d.responded ? <Typography.Text type="secondary">已提交对该部门的评议。</Typography.Text> : q.open ? <Ballot indicators={q.indicators} unitId={d.unitId} name={d.name} url={url} thanks="，感谢您的参与" /> : <Typography.Text type="secondary">问卷不在填写期间。</Typography.Text>}
        </Card>
      ))}
    </Flex>
  );
}
