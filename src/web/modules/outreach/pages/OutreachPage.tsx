import { useState } from 'react';
import { Select, Tabs } from 'antd';
import dayjs from 'dayjs';
import { Navigate, useSearchParams } from 'react-router';
import { PageCard } from '../../../app/ui/PageCard';
import { KindPanel } from '../KindPanel';
import { QuotaStrip } from '../QuotaStrip';
import { outreachKinds, type OwnedKind } from '@shared/outreach/labels';
import { useOutreachOptions } from '../useOptions';

const tabs: OwnedKind[] = ['contacts', 'partners', 'deeds', 'services'];

/**
 * 联系群众 for a member: the contact log, paired contacts, deeds and public service. The councils they
 * joined are 协商议政's grassroots councils: the old tab's address leads there.
 */
export default function OutreachPage() {
  const options = useOutreachOptions();
  const [params, setParams] = useSearchParams();
  const [year, setYear] = useState(dayjs().year());
  const tab = tabs.find((t) => t === params.get('tab')) ?? 'contacts';
  if (params.get('tab') === 'councils') return <Navigate to="/consultation/councils" replace />;
  return (
    <PageCard
      title="联系群众"
      extra={<Select aria-label="年度" value={year} onChange={setYear} options={[0, 1, 2, 3].map((d) => ({ value: dayjs().year() - d, label: `${dayjs().year() - d}年` }))} style={{ width: 100 }} />}
    >
      <QuotaStrip year={year} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        items={tabs.map((k) => ({
          key: k,
          label: outreachKinds[k],
          children: <KindPanel kind={k} options={options} year={year} />,
        }))}
      />
    </PageCard>
  );
}
