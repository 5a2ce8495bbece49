import { useSearchParams } from 'react-router';
import { Button, Card, Empty, List, Select, Space, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { consultationPaths } from '@shared/consultation/paths';
import type { PortalPlan } from '@shared/consultation/responses';
import { useGet } from '../../../app/query';
import { downloadFile } from '../../../app/errors';
import { PageHeading, useDocumentTitle } from '../../../app/ui/PageTitle';
import { usePortalCommittee } from '../../portal/useCommittee';

/**
 * 年度协商计划 as the party committee approved it: each topic with its form, month, lead committee
 * and departments, and how far it has come; the printed plan to download (.docx or PDF). The year
 * is in the address (?c=…&year=…), so the plan can be shared as a link.
 */
export default function PortalPlanPage() {
  const [params, setParams] = useSearchParams();
  const { id: committeeId } = usePortalCommittee();
  const year = params.get('year') ?? undefined;
  const { data, isFetching } = useGet<PortalPlan>(consultationPaths.portalPlan, { committeeId: committeeId ?? '', year }, { enabled: !!committeeId, keepPrevious: true });
  const plan = data?.plan;
  useDocumentTitle(plan ? `${plan.year}年度协商计划` : '年度协商计划', '政协公开门户');
  const download = (format: 'docx' | 'pdf') =>
    plan && downloadFile(`${consultationPaths.portalPlanDocument}?committeeId=${committeeId}&year=${plan.year}&format=${format}`, `${plan.title}.${format}`);
  return (
    <Card
      title={<PageHeading>{plan ? `${plan.year}年度协商计划` : '年度协商计划'}</PageHeading>}
      extra={
        (data?.years.length ?? 0) > 1 && (
          <Select
            aria-label="年度" style={{ width: 110 }} value={plan?.year}
            options={data!.years.map((y) => ({ value: y, label: `${y}年` }))}
            onChange={(y: number) => setParams((p) => (p.set('year', String(y)), p))}
          />
        )
      }
    >
      {plan && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">{plan.title}{plan.revision > 1 ? `（第${plan.revision}次调整）` : ''}{plan.approvedOn ? ` · ${plan.approvedOn} 经党委常委会审定` : ''}</Typography.Text>
          <Button icon={<DownloadOutlined />} onClick={() => download('docx')} data-testid="portal-plan-docx">下载计划 (.docx)</Button>
          <Button icon={<DownloadOutlined />} onClick={() => download('pdf')}>下载计划 (PDF)</Button>
        </Space>
      )}
      <List
        loading={isFetching}
        dataSource={plan?.items ?? []}
        locale={{ emptyText: <Empty description="年度协商计划尚未发布" /> }}
        renderItem={(i) => (
          <List.Item data-testid="portal-plan-item">
            <List.Item.Meta
              title={<>{i.title} <Tag>{i.statusLabel}</Tag></>}
              description={[`${i.month}月`, i.formLabel, i.leadName && `牵头：${i.leadName}`, i.unitNames.length > 0 && `参与部门：${i.unitNames.join('、')}`, i.researchFirst && '先调研、后协商'].filter(Boolean).join(' · ')}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
