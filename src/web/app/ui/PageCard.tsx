import type { ReactNode } from 'react';
import { Card, Flex } from 'antd';

/** A page's frame: title on the left, tools (search, buttons) wrapping underneath on phones. */
export function PageCard({ title, extra, children }: { title: ReactNode; extra?: ReactNode; children: ReactNode }) {
  return (
    <Card
      title={
        <Flex wrap gap={8} align="center" justify="space-between" style={{ padding: '8px 0' }}>
          <span>{title}</span>
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
