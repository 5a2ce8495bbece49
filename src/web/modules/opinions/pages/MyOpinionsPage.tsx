import { useState } from 'react';
import { Button, Card, Col, Progress, Row, Statistic } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { api, query } from '../../../app/api';
import { can } from '../../../app/forms';
import { PageCard } from '../../../app/ui/PageCard';
import { useRemote } from '../../../app/useRemote';
import { OpinionForm } from '../OpinionForm';
import { OpinionTable } from '../OpinionTable';
import { useOpinionOptions } from '../useOptions';
import { levelLabels, type Credit, type Level, type OpinionList } from '../types';

/** 我的社情民意: the member's reports, what happened to each, and this year's credit against the quota. */
export default function MyOpinionsPage() {
  const navigate = useNavigate();
  const options = useOpinionOptions();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [writing, setWriting] = useState(false);
  const { data, loading, reload } = useRemote(() => api.get<OpinionList>(`/opinions${query({ scope: 'mine', ...page })}`), [page]);
  const { data: credit } = useRemote(() => api.get<Credit>('/opinions/credit'), [data]);
  const levels = Object.keys(levelLabels) as Level[];

  return (
    <>
      {credit && (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="opinion-credit">
          <Col xs={24} md={6}>
            <Card>
              <Statistic title={`${credit.year}年报送`} value={credit.submitted} suffix={`/ ${credit.quota} 篇`} />
              <Progress percent={Math.min(100, Math.round((credit.submitted / Math.max(credit.quota, 1)) * 100))} size="small" showInfo={false} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card><Statistic title="被采用（次）" value={credit.adopted} /></Card>
          </Col>
          <Col xs={12} md={6}>
            <Card><Statistic title="获领导批示（次）" value={credit.instructed} /></Card>
          </Col>
          <Col xs={24} md={6}>
            <Card size="small" title="按层级">
              {levels.map((l) => (
                <div key={l} data-testid={`credit-${l}`}>{levelLabels[l]}：采用 {credit.adoptedByLevel[l]} · 批示 {credit.instructedByLevel[l]}</div>
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
          void reload();
          navigate(`/opinions/${o.id}`);
        }}
      />
    </>
  );
}
