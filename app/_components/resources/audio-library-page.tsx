'use client';
// The prompt audio library: recordings by key and language with format, length and size, played in the browser;
// designers upload (checked by the server) and delete.

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Popconfirm, Tag } from 'antd';
import { useFormatter, useTranslations } from 'next-intl';
import { apiErrorMessage } from '../../_lib/api-error';
import { useTRPC } from '../../_lib/trpc-react';
import { DataTable, type DataColumn } from '../shell/data-table';
import { PageFrame } from '../shell/page-frame';
import { AudioUploadForm } from './audio-upload-form';
import { useStudioApp } from '../shell/studio-app';

export function AudioLibraryPage({ canEdit }: { canEdit: boolean }) {
  const t = useTranslations('audio');
  const tCommon = useTranslations('common');
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = useStudioApp();
  const list = useQuery(trpc.promptAudio.list.queryOptions());
  type Row = NonNullable<typeof list.data>[number];
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.promptAudio.pathKey() });
  const remove = useMutation(
    trpc.promptAudio.delete.mutationOptions({
      onSuccess: refresh,
      onError: (error) => message.error(tCommon('error', { message: apiErrorMessage(error) })),
    }),
  );

  const columns: DataColumn<Row>[] = [
    { key: 'key', title: tCommon('key'), render: (row) => <code className="cf-code">{row.key}</code> },
    { key: 'language', title: t('language'), render: (row) => <Tag>{row.language}</Tag> },
    { key: 'file', title: t('file'), render: (row) => row.fileName },
    {
      key: 'format',
      title: t('format'),
      render: (row) =>
        t('formatDetail', {
          format: row.format.toUpperCase(),
          codec: row.codec,
          rate: row.sampleRate,
          channels: row.channels,
        }),
    },
    {
      key: 'duration',
      title: t('duration'),
      render: (row) => t('seconds', { seconds: Math.round(row.durationMs / 100) / 10 }),
    },
    {
      key: 'size',
      title: t('size'),
      render: (row) => t('kilobytes', { size: Math.max(1, Math.round(row.sizeBytes / 1024)) }),
    },
    { key: 'updated', title: t('updated'), render: (row) => format.dateTime(new Date(row.updatedAt), 'short') },
    {
      key: 'play',
      title: t('play'),
      render: (row) => (
        <audio
          controls
          preload="none"
          src={`/api/audio/${row.id}`}
          aria-label={t('playLabel', { key: row.key, language: row.language })}
          style={{ height: 32, maxWidth: 240 }}
        />
      ),
    },
    ...(canEdit
      ? [
          {
            key: 'actions',
            title: tCommon('actions'),
            render: (row: Row) => (
              <Popconfirm
                title={tCommon('confirmDelete', { name: `${row.key} (${row.language})` })}
                okText={tCommon('delete')}
                cancelText={tCommon('cancel')}
                onConfirm={() => remove.mutateAsync({ id: row.id }).catch(() => undefined)}
              >
                <Button type="link" size="small" danger aria-label={`${tCommon('delete')}: ${row.key} ${row.language}`}>
                  {tCommon('delete')}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  return (
    <PageFrame title={t('title')}>
      <p style={{ marginTop: 0, color: 'rgba(0, 0, 0, 0.62)' }}>{t('intro')}</p>
      {canEdit && <AudioUploadForm onUploaded={refresh} />}
      <DataTable
        rows={list.data ?? []}
        rowKey={(row) => row.id}
        loading={list.isLoading}
        empty={t('empty')}
        columns={columns}
      />
    </PageFrame>
  );
}
