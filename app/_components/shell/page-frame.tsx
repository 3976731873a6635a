'use client';
// A list/form page's frame: the page heading, optional actions beside it, and a padded content area.

import { Flex } from 'antd';
import type { ReactNode } from 'react';

export function PageFrame({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <main style={{ padding: '20px 24px', maxWidth: 1280, width: '100%', margin: '0 auto' }}>
      <Flex justify="space-between" align="center" gap={16} wrap style={{ marginBottom: 16 }}>
        {/* A plain heading in antd's title look: Typography (editable, copyable, ellipsis) costs every list route ≈ 10 KB gzipped. */}
        <h1 style={{ fontSize: 22, margin: 0, fontWeight: 600, lineHeight: 1.35, color: 'rgba(0, 0, 0, 0.88)' }}>
          {title}
        </h1>
        {extra}
      </Flex>
      {children}
    </main>
  );
}
