import { useState } from 'react';
import { Select, Tabs } from 'antd';
import dayjs from 'dayjs';
import { settingsPaths } from '@shared/settings/paths';
import type { SettingsModules } from '@shared/settings/responses';
import { useGet } from '../../../app/query';
import { PageCard } from '../../../app/ui/PageCard';
import { ModuleForm } from '../ModuleForm';

const thisYear = dayjs().year();
const yearOptions = [{ value: 0, label: '各年度通用' }, ...[thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: y, label: `仅${y}年` }))];

/** 系统设置: each module's rules (RULES.md), per committee and per year, drawn from the server's schemas. */
export default function SettingsPage() {
  const [year, setYear] = useState(0);
  const { data } = useGet<SettingsModules>(settingsPaths.list);
  return (
    <PageCard title="规则设置" extra={<Select value={year} onChange={setYear} options={yearOptions} style={{ width: 140 }} aria-label="适用年度" />}>
      <Tabs destroyOnHidden items={(data?.items ?? []).map((m) => ({ key: m.module, label: m.label, children: <ModuleForm module={m.module} year={year} /> }))} />
    </PageCard>
  );
}
