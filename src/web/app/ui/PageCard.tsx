import type { ReactNode } from 'react';
import { Card, Flex } from 'antd';
import { PageHeading } from './PageTitle';

/**
 * A page's frame: title on the left, tools (search, buttons) wrapping underneath on phones. The
 * title is the page's <h1>; a page with a second card gives that one `level={2}`.
 */
export function PageCard({ title, extra, children, level = 1 }: { title: ReactNode; extra?: ReactNode; children: ReactNode; level?: 1 | 2 }) {
  return (
    <Card
      title={
        <Flex wrap gap={8} align="center" justify="space-between" style={{ padding: '8px 0' }}>
          <PageHeading level={level}>{title}</PageHeading>
          <Flex wrap gap={8} style={{ fontWeight: 'normal' }}>
            {extra}
          </Flex>
        </Flex>
      }
      styles={{ body: { padding: 12 } }}
    >
      {children}
    </Card>
  );
}
