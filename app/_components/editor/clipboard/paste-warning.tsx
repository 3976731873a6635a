'use client';
// Asks before a paste whose nodes use variables this flow does not declare or resources this studio lacks.

import { Alert, Button, Modal, Space } from 'antd';
import { useTranslations } from 'next-intl';
import type { PendingPaste } from './use-clipboard';

export function PasteWarning({
  pending,
  onConfirm,
  onCancel,
}: {
  pending: PendingPaste | undefined;
  onConfirm(addVariables: boolean): void;
  onCancel(): void;
}) {
  const t = useTranslations('editor.paste');
  const variables = pending?.plan.missingVariables ?? [];
  const resources = pending?.missingResources ?? [];
  return (
    <Modal
      open={pending !== undefined}
      title={t('title')}
      onCancel={onCancel}
      footer={
        <Space>
          <Button onClick={onCancel}>{t('cancel')}</Button>
          {variables.length > 0 && <Button onClick={() => onConfirm(false)}>{t('pasteOnly')}</Button>}
          <Button type="primary" onClick={() => onConfirm(true)}>
            {variables.length > 0 ? t('addAndPaste') : t('paste')}
          </Button>
        </Space>
      }
    >
      {variables.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('variables', { count: variables.length })}
          description={variables.map((v) => `${v.name} (${v.type})`).join(', ')}
          style={{ marginBottom: 12 }}
        />
      )}
      {resources.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('resources', { count: resources.length })}
          description={resources.map((r) => `${t(`kinds.${r.kind}`)}: ${r.key}`).join(', ')}
        />
      )}
    </Modal>
  );
}
