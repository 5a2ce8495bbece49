import { Typography } from 'antd';
import { PageCard } from '../../../app/ui/PageCard';
import { PromiseList } from '../../handling/PromiseList';

/**
 * 承诺兑现 for the proposal office: what units promised in replies of a promise class (列入计划) and
 * by when — those due first — and whether each was kept, recorded by the unit or by the office.
 */
export default function PromisesPage() {
  return (
    <PageCard title="承诺兑现">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        承办单位以“列入计划”等承诺类别答复的提案，写明了承诺事项和完成期限；到期后由承办单位或提案委登记兑现情况。
      </Typography.Paragraph>
      <PromiseList type="proposal" />
    </PageCard>
  );
}
