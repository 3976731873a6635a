'use client';
// A list/form page's frame: the page heading, optional actions beside it, and a padded content area.

import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

export function PageFrame({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <main style={{ padding: '20px 24px', maxWidth: 1280, width: '100%', margin: '0 auto' }}>
      <Flex justify="space-between" align="center" gap={16} wrap style={{ marginBottom: 16 }}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {title}
        </Typography.Title>
        {extra}
      </Flex>
      {children}
    </main>
  );
}
