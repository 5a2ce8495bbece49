import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';
import { CheckCircleFilled, InfoCircleOutlined } from '@ant-design/icons';
import { PageHeading } from '../../app/ui/PageTitle';

/**
 * What a portal page shows in place of its content: a form sent (with what comes next) or a page
 * that is not there. Written here rather than with antd's Result, whose module carries its large
 * 403/404/500 illustrations into every public page — the portal's first load has a 300 KB budget.
 */
export function PortalOutcome({ kind, title, subTitle, extra, 'data-testid': testId }: { kind: 'done' | 'missing'; title: string; subTitle?: ReactNode; extra?: ReactNode; 'data-testid'?: string }) {
  return (
    <Flex vertical align="center" gap={12} style={{ padding: '48px 16px', textAlign: 'center' }} data-testid={testId}>
      {kind === 'done' ? <CheckCircleFilled style={{ fontSize: 56, color: '#237804' }} aria-hidden /> : <InfoCircleOutlined style={{ fontSize: 56, color: '#595959' }} aria-hidden />}
      <PageHeading style={{ whiteSpace: 'normal' }}>{title}</PageHeading>
      {subTitle && <Typography.Text type="secondary">{subTitle}</Typography.Text>}
      {extra}
    </Flex>
  );
}
