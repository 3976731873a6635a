'use client';
// One item of an inspector list (menu key, rule, intent, region, question): a small card with remove and reorder buttons.

import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Card, Space } from 'antd';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';

export interface ListCardProps {
  title: ReactNode;
  /** JSON pointer of the item, e.g. `/config/rules/1`. */
  path: string;
  index: number;
  count: number;
  minCount?: number;
  onRemove(): void;
  onMove(to: number): void;
  disabled?: boolean;
  children: ReactNode;
}

export function ListCard({
  title,
  path,
  index,
  count,
  minCount = 1,
  onRemove,
  onMove,
  disabled,
  children,
}: ListCardProps) {
  const t = useTranslations('inspector.list');
  return (
    <Card
      size="small"
      data-path={path}
      title={title}
      style={{ marginBottom: 8 }}
      extra={
        <Space size={2}>
          <Button
            size="small"
            type="text"
            icon={<ArrowUpOutlined />}
            aria-label={t('moveUp')}
            disabled={disabled || index === 0}
            onClick={() => onMove(index - 1)}
          />
          <Button
            size="small"
            type="text"
            icon={<ArrowDownOutlined />}
            aria-label={t('moveDown')}
            disabled={disabled || index === count - 1}
            onClick={() => onMove(index + 1)}
          />
          <Button
            size="small"
            type="text"
            icon={<DeleteOutlined />}
            aria-label={t('remove')}
            disabled={disabled || count <= minCount}
            onClick={onRemove}
          />
        </Space>
      }
    >
      {children}
    </Card>
  );
}
