'use client';
// The save state in the top bar: unsaved / saving / saved at 14:02 / conflict / not saved (error).

import { CheckCircleOutlined, ExclamationCircleOutlined, LoadingOutlined, WarningOutlined } from '@ant-design/icons';
import { Tooltip } from 'antd';
import { useFormatter, useTranslations } from 'next-intl';
import { useEditorStore } from './store/editor-store-context';

export function SaveIndicator() {
  const t = useTranslations('editor.save');
  const format = useFormatter();
  const status = useEditorStore((s) => s.save.status);
  const savedAt = useEditorStore((s) => s.save.savedAt);
  const error = useEditorStore((s) => s.save.error);
  const text =
    status === 'saved'
      ? savedAt
        ? t('savedAt', { time: format.dateTime(new Date(savedAt), 'timeOfDay') })
        : t('saved')
      : t(status);
  const icon =
    status === 'saving' ? (
      <LoadingOutlined />
    ) : status === 'saved' ? (
      <CheckCircleOutlined />
    ) : status === 'conflict' || status === 'error' ? (
      <WarningOutlined />
    ) : (
      <ExclamationCircleOutlined />
    );
  return (
    <Tooltip title={error}>
      <span className={`cf-save cf-save-${status}`} role="status" aria-live="polite" data-save-status={status}>
        {icon} {text}
      </span>
    </Tooltip>
  );
}
