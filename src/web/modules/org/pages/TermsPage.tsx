import { Space } from 'antd';
import { api } from '../../../app/api';
import { useRemote } from '../../../app/useRemote';
import type { ListOf } from '../../../app/types';
import type { Term } from '../types';
import { SessionsSection } from './SessionsSection';
import { TermsSection } from './TermsSection';

/** 届次与会议 */
export default function TermsPage() {
  const terms = useRemote(() => api.get<ListOf<Term>>('/org/terms'), []);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <TermsSection data={terms.data} loading={terms.loading} reload={terms.reload} />
      {terms.data && <SessionsSection terms={terms.data.items} />}
    </Space>
  );
}
