import { Empty, List, Skeleton, Space, Statistic, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import { pathTo } from '@shared/http/paths';
import { jointPaths } from '@shared/joint/paths';
import type { SentUpAnswer } from '@shared/joint/responses';
import { PageCard } from '../../../app/ui/PageCard';
import { useGet } from '../../../app/query';
import { usePageTitle } from '../../../app/ui/PageTitle';

/** 下级政协报送: what one district sent up to this committee (社情民意), and nothing else of it. */
export default function SentUpPage() {
  const { committeeId = '' } = useParams();
  const { data, isPending } = useGet<SentUpAnswer>(pathTo(jointPaths.sentUp, { committeeId }));
  usePageTitle(data?.district.name);
  if (isPending && !data) return <Skeleton active />;
  if (!data) return <Empty description="该政协不是本会的下级政协" />;
  return (
    <PageCard title={`${data.district.name}报送的社情民意信息`}>
      <Space wrap size="large" style={{ marginBottom: 12 }}>
        <Statistic title="报送" value={data.total} suffix="篇" />
        {data.byStatus.map((s) => <Statistic key={s.key} title={s.label} value={s.value} suffix="篇" />)}
      </Space>
      <List
        dataSource={data.items}
        locale={{ emptyText: <Empty description={data.total ? '信息由本会信息处和领导查看' : '尚无报送'} /> }}
        renderItem={(i) => (
          <List.Item>
            <List.Item.Meta title={<Link to={i.link}>{i.title}</Link>} description={<>报送于 {i.sentOn} <Tag>{i.statusLabel}</Tag></>} />
          </List.Item>
        )}
      />
    </PageCard>
  );
}
