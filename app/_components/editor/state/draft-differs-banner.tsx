'use client';
// Shown while the draft differs from the version the lines answer (after a publish, a rollback, or edits since):
// designers may discard the draft changes, after a confirmation; undo brings them back.

import { Alert, App, Button } from 'antd';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { FlowDocument } from '../../../../flow-engine/document';
import { apiErrorMessage } from '../../../_lib/api-error';
import { trpc } from '../../../_lib/trpc-client';
import { useEditorStoreApi } from '../store/editor-store-context';

export interface DraftDiffersBannerProps {
  version: number;
  canDiscard: boolean;
  /** Save what is pending first, so the discard is based on the newest revision. */
  flush(): Promise<void>;
  /** Put the server's draft in the editor (undo brings back what it replaced) and treat it as saved. */
  adopt(doc: FlowDocument, revision: number, savedAt: string): void;
}

export function DraftDiffersBanner({ version, canDiscard, flush, adopt }: DraftDiffersBannerProps) {
  const t = useTranslations('editor.served');
  const store = useEditorStoreApi();
  const { modal, message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const discard = async () => {
    setBusy(true);
    try {
      await flush();
      const { flowId, save } = store.getState();
      const result = await trpc.flows.discardDraft.mutate({ flowId, baseRevision: save.revision });
      adopt(result.draft, result.revision, new Date(result.updatedAt).toISOString());
      message.success(t('discarded', { version: result.version }));
    } catch (error) {
      message.error(apiErrorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const confirm = () =>
    modal.confirm({
      title: t('confirm.title', { version }),
      content: t('confirm.content'),
      okText: t('confirm.ok'),
      okButtonProps: { danger: true },
      cancelText: t('confirm.cancel'),
      autoFocusButton: 'cancel',
      onOk: discard,
    });

  return (
    <Alert
      type="warning"
      showIcon
      banner
      role="status"
      title={t('differs', { version })}
      action={
        canDiscard && (
          <Button size="small" danger loading={busy} onClick={confirm}>
            {t('discard')}
          </Button>
        )
      }
    />
  );
}
