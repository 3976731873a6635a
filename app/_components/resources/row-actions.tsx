'use client';
// The edit / delete actions of a resource table row: one place for the labels, the confirmation and the accessible names.

import { Button, Popconfirm, Space } from 'antd';
import { useTranslations } from 'next-intl';
import Link from 'next/link';

interface RowActionsProps {
  /** What the row is called in the confirmation and the buttons' accessible names (its key or name). */
  name: string;
  /** Opens the row's editor in place, or `editHref` links to its own page. */
  onEdit?: () => void;
  editHref?: string;
  onDelete: () => Promise<unknown>;
}

export function RowActions({ name, onEdit, editHref, onDelete }: RowActionsProps) {
  const tCommon = useTranslations('common');
  const editLabel = `${tCommon('edit')}: ${name}`;
  return (
    <Space size={0}>
      {editHref ? (
        <Link href={editHref} style={{ padding: '0 7px' }} aria-label={editLabel}>
          {tCommon('edit')}
        </Link>
      ) : (
        <Button type="link" size="small" onClick={onEdit} aria-label={editLabel}>
          {tCommon('edit')}
        </Button>
      )}
      {/* A refused delete is reported by the mutation's onError; the confirmation just closes. */}
      <Popconfirm
        title={tCommon('confirmDelete', { name })}
        okText={tCommon('delete')}
        cancelText={tCommon('cancel')}
        onConfirm={() => onDelete().catch(() => undefined)}
      >
        <Button type="link" size="small" danger aria-label={`${tCommon('delete')}: ${name}`}>
          {tCommon('delete')}
        </Button>
      </Popconfirm>
    </Space>
  );
}
