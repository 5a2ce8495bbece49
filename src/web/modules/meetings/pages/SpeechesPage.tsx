import { useState } from 'react';
import { Button, Select, Table, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useNavigate } from 'react-router';
import { meetingPaths } from '@shared/meetings/paths';
import type { Speech } from '@shared/meetings/responses';
import { formatDay } from '../../../app/forms';
import { PageCard } from '../../../app/ui/PageCard';
import { useGet } from '../../../app/query';
import { SpeechForm } from '../SpeechForm';
import { useMeetingOptions } from '../useOptions';
import { speechColors } from '../colors';

/** 大会发言: the member's own speeches (and submitting one), or for staff every speech of the year to select. */
export default function SpeechesPage({ mine = false }: { mine?: boolean }) {
  const navigate = useNavigate();
  const options = useMeetingOptions();
  const [year, setYear] = useState(dayjs().year());
  const [writing, setWriting] = useState(false);
  const { data, isFetching: loading } = useGet<{ items: Speech[] }>(meetingPaths.speeches, { scope: mine ? 'mine' : 'all', year });
  return (
    <PageCard
      title={mine ? '我的大会发言' : '大会发言遴选'}
      extra={
        <>
          <Select aria-label="年度" value={year} onChange={setYear} options={[0, 1, 2, 3].map((d) => ({ value: dayjs().year() - d, label: `${dayjs().year() - d}年` }))} style={{ width: 100 }} />
          {mine && options?.canSubmitSpeech && <Button type="primary" icon={<EditOutlined />} onClick={() => setWriting(true)} data-testid="speech-new">提交大会发言</Button>}
        </>
      }
    >
      <Table<Speech>
        rowKey="id"
        loading={loading}
        dataSource={data?.items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: '题目', dataIndex: 'title',
            render: (v, s) => (
              <>
                <Link to={`/meetings/speeches/${s.id}`}>{v}</Link>
                {/* a research group's speech: its lead and co-authors, each of whom finds it here */}
                {s.contributorNames.length > 0 && <div><Typography.Text type="secondary">联合发言：{[s.memberName, ...s.contributorNames].join('、')}</Typography.Text></div>}
              </>
            ),
          },
          ...(mine ? [] : [{ title: '发言人', dataIndex: 'memberName', width: 100 }]),
          // a date is one token: never broken across lines (2026-12-06 on a phone)
          { title: '提交日期', dataIndex: 'createdAt', width: 120, onCell: () => ({ style: { whiteSpace: 'nowrap' } }), render: (v) => formatDay(v) },
          { title: '采用情况', dataIndex: 'statusLabel', width: 140, render: (v, s) => <Tag color={speechColors[s.status]}>{v}</Tag> },
          { title: '说明', dataIndex: 'decisionNote', width: 200 },
        ]}
      />
      <SpeechForm open={writing} options={options} onClose={() => setWriting(false)} onSaved={(s) => { setWriting(false); navigate(`/meetings/speeches/${s.id}`); }} />
    </PageCard>
  );
}
