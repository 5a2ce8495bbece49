import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, Button, Empty, Flex, Form, Input, List, Radio, Skeleton, Tag, Typography } from 'antd';
import { pathTo } from '@shared/http/paths';
import { convertSuggestionInput } from '@shared/members-home/inputs';
import { conversionAuthors } from '@shared/members-home/labels';
import { homePaths } from '@shared/members-home/paths';
import type { HomeDutyDetail, HomeOptions, HomeSuggestion, HomeSuggestionConverted, TodayDuty } from '@shared/members-home/responses';
import { api } from '../../../app/api';
import { can } from '../../../app/forms';
import { refetch, useGet } from '../../../app/query';
import { fieldRules } from '../../../app/rules';
import { FormModal } from '../../../app/ui/FormModal';
import { PageCard } from '../../../app/ui/PageCard';
import { VisitCard } from '../VisitCard';
import { VisitForm } from '../VisitForm';

const convertRules = fieldRules(convertSuggestionInput);

/** 转化 one suggestion: into a proposal draft or an opinion report, of the member who made it or of the member on duty. */
function ConvertDialog({ suggestion, onClose }: { suggestion: HomeSuggestion | null; onClose(): void }) {
  const navigate = useNavigate();
  const s = suggestion;
  const authors = s ? (['visitor', 'duty'] as const).filter((a) => can(s, a === 'visitor' ? 'convertForVisitor' : 'convertForDuty')) : [];
  return (
    <FormModal<HomeSuggestionConverted>
      name="convert"
      open={!!s}
      title="转为提案草稿或社情民意信息"
      initialValues={s ? { into: 'opinion', author: authors.includes('duty') ? 'duty' : 'visitor', title: `关于${s.body.replace(/^建议/, '').slice(0, 40)}的建议` } : {}}
      save={(v) => api.post(pathTo(homePaths.suggestionConvert, { id: s!.id }), { ...v, version: s!.version })}
      onSaved={(next) => {
        onClose();
        navigate(next.convertedTo.into === 'proposal' ? `/proposals/${next.convertedTo.id}` : `/opinions/${next.convertedTo.id}`);
      }}
      onClose={onClose}
      success="已转化，请继续完善"
    >
      <Typography.Paragraph type="secondary">{s?.body}</Typography.Paragraph>
      <Form.Item name="into" label="转化为" rules={convertRules.into}>
        <Radio.Group options={[{ value: 'proposal', label: '提案草稿' }, { value: 'opinion', label: '社情民意信息' }]} data-testid="convert-into" />
      </Form.Item>
      {authors.length > 1 && (
        <Form.Item name="author" label="署名委员" rules={convertRules.author}>
          <Radio.Group options={authors.map((a) => ({ value: a, label: conversionAuthors[a] }))} data-testid="convert-author" />
        </Form.Item>
      )}
      {authors.length === 1 && <Form.Item name="author" hidden><Input /></Form.Item>}
      <Form.Item name="title" label="标题" rules={convertRules.title}>
        <Input data-testid="convert-title" />
      </Form.Item>
    </FormModal>
  );
}

/** A duty day: who is on duty and as what, the visits logged, and — for the member on duty — logging and converting. */
function DutyView({ duty, path }: { duty: HomeDutyDetail; path: string }) {
  const { data: options } = useGet<HomeOptions>(homePaths.options, undefined, { enabled: can(duty, 'log') });
  const [logging, setLogging] = useState(false);
  const [converting, setConverting] = useState<HomeSuggestion | null>(null);
  return (
    <Flex vertical gap={12}>
      <Typography.Paragraph style={{ margin: 0 }}>
        {duty.day} · {duty.memberName} · {duty.capacityLabel}{duty.specialCommitteeName ? `（${duty.specialCommitteeName}）` : ''}
        {' '}<Tag color={duty.status === 'active' ? 'green' : 'default'}>{duty.statusLabel}</Tag>
      </Typography.Paragraph>
      {duty.note && <Typography.Text type="secondary">{duty.note}</Typography.Text>}
      {duty.cancelReason && <Alert type="warning" showIcon message={`已取消：${duty.cancelReason}`} />}
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text data-testid="duty-visit-count">已接待 {duty.visitCount} 人次</Typography.Text>
        {can(duty, 'log') && <Button type="primary" onClick={() => setLogging(true)} data-testid="visit-log">登记接待</Button>}
      </Flex>
      <List
        dataSource={duty.visits}
        locale={{ emptyText: <Empty description="尚未登记接待" /> }}
        renderItem={(v) => (
          <List.Item key={v.id} style={{ padding: '6px 0' }}>
            <VisitCard visit={v} onConvert={setConverting} />
          </List.Item>
        )}
      />
      {can(duty, 'log') && <VisitForm duty={duty} options={options} open={logging} onClose={() => setLogging(false)} onSaved={() => { setLogging(false); refetch(path); }} />}
      <ConvertDialog suggestion={converting} onClose={() => setConverting(null)} />
    </Flex>
  );
}

/**
 * 我的值班 (today's duty of the member, and their next ones) or one duty's page: phone-sized, for the
 * member on duty who logs visits and converts suggestions between two conversations.
 */
export default function DutyPage() {
  const { id } = useParams();
  const path = id ? pathTo(homePaths.duty, { id }) : homePaths.today;
  const { data, isPending } = useGet<HomeDutyDetail | TodayDuty>(path);
  if (isPending && !data) return <Skeleton active />;
  if (!data) return <Empty description="值班不存在或无权查看" />;
  if (id) return <PageCard title="委员之家值班">{<DutyView duty={data as HomeDutyDetail} path={path} />}</PageCard>;
  const mine = data as TodayDuty;
  return (
    <PageCard title="我的值班">
      {mine.duty ? <DutyView duty={mine.duty} path={path} /> : <Empty description={`今天（${mine.today}）您没有委员之家值班`} />}
      {mine.upcoming.length > 0 && (
        <>
          <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>近期值班</Typography.Title>
          <List
            size="small"
            dataSource={mine.upcoming}
            renderItem={(d) => (
              <List.Item key={d.id}>
                <Link to={`/members-home/duties/${d.id}`}>{d.day}</Link> · {d.capacityLabel}{d.specialCommitteeName ? `（${d.specialCommitteeName}）` : ''}
              </List.Item>
            )}
          />
        </>
      )}
    </PageCard>
  );
}
