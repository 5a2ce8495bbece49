import { useState } from 'react';
import { Button, Card, Col, Progress, Row, Statistic, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { levels as levelLabels, type Level } from '@shared/opinions/labels';
import { opinionPaths } from '@shared/opinions/paths';
import type { Credit, OpinionList } from '@shared/opinions/responses';
import { can } from '../../../app/forms';
import { PageCard } from '../../../app/ui/PageCard';
import { useGet } from '../../../app/query';
import { OpinionForm } from '../OpinionForm';
import { OpinionTable } from '../OpinionTable';
import { useOpinionOptions } from '../useOptions';

/** 我的社情民意: the member's reports, what happened to each, and this year's credit against the quota. */
export default function MyOpinionsPage() {
  const navigate = useNavigate();
  const options = useOpinionOptions();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [writing, setWriting] = useState(false);
  const { data, isFetching: loading } = useGet<OpinionList>(opinionPaths.list, { scope: 'mine', ...page }, { keepPrevious: true });
  const { data: credit } = useGet<Credit>(opinionPaths.credit);
  const levels = Object.keys(levelLabels) as Level[];

  return (
    <>
      {credit && (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="opinion-credit">
          <Col xs={24} md={6}>
            <Card>
              <Statistic title={`${credit.year}年报送`} value={credit.submitted} suffix={`/ ${credit.quota} 篇`} />
              <Progress aria-label={`${credit.year}年报送完成情况`} percent={Math.min(100, Math.round((credit.submitted / Math.max(credit.quota, 1)) * 100))} size="small" showInfo={false} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card><Statistic title="被采用信息" value={credit.adopted} suffix="篇" data-testid="credit-adopted" /><Typography.Text type="secondary">各级采用共 {credit.adoptions} 次</Typography.Text></Card>
          </Col>
          <Col xs={12} md={6}>
            <Card><Statistic title="获领导批示" value={credit.instructed} suffix="次" /></Card>
          </Col>
          <Col xs={24} md={6}>
            <Card size="small" title="按层级">
              {levels.map((l) => (
                <div key={l} data-testid={`credit-${l}`}>{levelLabels[l]}：采用 {credit.adoptedByLevel[l]} 次 · 批示 {credit.instructedByLevel[l]} 次</div>
              ))}
            </Card>
          </Col>
        </Row>
      )}
      <PageCard
        title="我的社情民意"
        extra={can(data, 'create') && (
          <Button type="primary" icon={<EditOutlined />} onClick={() => setWriting(true)} data-testid="opinion-write">
            撰写信息
          </Button>
        )}
      >
        <OpinionTable rows={data?.items} total={data?.total ?? 0} loading={loading} page={page} onPage={setPage} />
      </PageCard>
      <OpinionForm
        open={writing}
        options={options}
        draft={null}
        onClose={() => setWriting(false)}
        onSaved={(o) => {
          setWriting(false);
          navigate(`/opinions/${o.id}`);
        }}
      />
    </>
  );
}
