'use client';
// One flow's row actions: open, versions, export, and for designers duplicate and archive/restore.

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Space } from 'antd';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { apiErrorMessage } from '../../_lib/api-error';
import { downloadText } from '../../_lib/download-text';
import { useTRPC, useTRPCClient } from '../../_lib/trpc-react';
import { useStudioApp } from '../shell/studio-app';

export interface FlowRow {
  id: string;
  key: string;
  name: string;
  revision: number;
  archivedAt: Date | string | null;
  updatedAt: Date | string;
  updatedByName: string | null;
  latestVersion: number | null;
}

export function FlowActions({ flow, canDesign }: { flow: FlowRow; canDesign: boolean }) {
  const t = useTranslations('flows');
  const tCommon = useTranslations('common');
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const { message, modal } = useStudioApp();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.flows.pathKey() });
  const onError = (error: unknown) => message.error(tCommon('error', { message: apiErrorMessage(error) }));

  const duplicate = useMutation(
    trpc.flows.duplicate.mutationOptions({
      onSuccess: (copy) => {
        message.success(t('duplicated', { name: copy.name }));
        return refresh();
      },
      onError,
    }),
  );
  const archive = useMutation(
    trpc.flows.archive.mutationOptions({
      onSuccess: () => {
        message.success(t('archived', { name: flow.name }));
        return refresh();
      },
      onError,
    }),
  );
  const restore = useMutation(
    trpc.flows.restore.mutationOptions({
      onSuccess: () => {
        message.success(t('restored', { name: flow.name }));
        return refresh();
      },
      onError,
    }),
  );

  async function exportFlow() {
    try {
      const file = await client.flows.export.query({ flowId: flow.id });
      downloadText(file.fileName, file.json);
    } catch (error) {
      onError(error);
    }
  }

  return (
    <Space size={0} wrap>
      <Link
        href={`/flows/${flow.id}/versions`}
        aria-label={`${t('versions')}: ${flow.name}`}
        style={{ padding: '0 7px' }}
      >
        {t('versions')}
      </Link>
      <Button type="link" size="small" onClick={exportFlow} aria-label={`${t('export')}: ${flow.name}`}>
        {t('export')}
      </Button>
      {canDesign && (
        <Button
          type="link"
          size="small"
          loading={duplicate.isPending}
          onClick={() => duplicate.mutate({ flowId: flow.id })}
          aria-label={`${t('duplicate')}: ${flow.name}`}
        >
          {t('duplicate')}
        </Button>
      )}
      {canDesign &&
        (flow.archivedAt ? (
          <Button
            type="link"
            size="small"
            loading={restore.isPending}
            onClick={() => restore.mutate({ flowId: flow.id })}
            aria-label={`${t('restore')}: ${flow.name}`}
          >
            {t('restore')}
          </Button>
        ) : (
          // A confirm dialog from antd's App (already loaded), not a Popconfirm (popover code on the list route).
          <Button
            type="link"
            size="small"
            danger
            aria-label={`${tCommon('archive')}: ${flow.name}`}
            onClick={() =>
              modal.confirm({
                title: t('archiveConfirm', { name: flow.name }),
                okText: tCommon('archive'),
                okButtonProps: { danger: true },
                cancelText: tCommon('cancel'),
                onOk: () => archive.mutateAsync({ flowId: flow.id }).catch(() => undefined),
              })
            }
          >
            {tCommon('archive')}
          </Button>
        ))}
    </Space>
  );
}
