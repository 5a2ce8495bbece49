import { Space } from 'antd';
import { orgPaths } from '@shared/org/paths';
import type { TermList } from '@shared/org/responses';
import { useGet } from '../../../app/query';
import { SessionsSection } from './SessionsSection';
import { TermsSection } from './TermsSection';

/** 届次与会议 */
export default function TermsPage() {
  const { data, isFetching } = useGet<TermList>(orgPaths.terms);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <TermsSection data={data} loading={isFetching} />
      {data && <SessionsSection terms={data.items} />}
    </Space>
  );
}
