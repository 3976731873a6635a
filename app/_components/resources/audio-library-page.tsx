'use client';
// The prompt audio library: recordings by key and language with format, length and size, played in the browser;
// designers upload (checked by the server) and delete.

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Table, Tag, Typography } from 'antd';
import { useFormatter, useTranslations } from 'next-intl';
import { apiErrorMessage } from '../../_lib/api-error';
import { useTRPC } from '../../_lib/trpc-react';
import { PageFrame } from '../shell/page-frame';
import { AudioUploadForm } from './audio-upload-form';

export function AudioLibraryPage({ canEdit }: { canEdit: boolean }) {
  const t = useTranslations('audio');
  const tCommon = useTranslations('common');
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const list = useQuery(trpc.promptAudio.list.queryOptions());
  type Row = NonNullable<typeof list.data>[number];
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.promptAudio.pathKey() });
  const remove = useMutation(
    trpc.promptAudio.delete.mutationOptions({ onSuccess: refresh, onError: (error) => message.error(tCommon('error', { message: apiErrorMessage(error) })) }),
  );

  return (
    <PageFrame title={t('title')}>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      {canEdit && <AudioUploadForm onUploaded={refresh} />}
      <Table<Row>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        pagination={false}
        locale={{ emptyText: t('empty') }}
        columns={[
          { title: tCommon('key'), dataIndex: 'key', render: (key: string) => <Typography.Text code style={{ whiteSpace: 'nowrap' }}>{key}</Typography.Text> },
          { title: t('language'), dataIndex: 'language', render: (language: string) => <Tag>{language}</Tag> },
          { title: t('file'), dataIndex: 'fileName' },
          { title: t('format'), key: 'format', render: (_, row) => t('formatDetail', { format: row.format.toUpperCase(), codec: row.codec, rate: row.sampleRate, channels: row.channels }) },
          { title: t('duration'), dataIndex: 'durationMs', render: (ms: number) => t('seconds', { seconds: Math.round(ms / 100) / 10 }) },
          { title: t('size'), dataIndex: 'sizeBytes', render: (bytes: number) => t('kilobytes', { size: Math.max(1, Math.round(bytes / 1024)) }) },
          { title: t('updated'), dataIndex: 'updatedAt', render: (at: string | Date) => format.dateTime(new Date(at), 'short') },
          {
            title: t('play'),
            key: 'play',
            render: (_, row) => <audio controls preload="none" src={`/api/audio/${row.id}`} aria-label={t('playLabel', { key: row.key, language: row.language })} style={{ height: 32, maxWidth: 240 }} />,
          },
          ...(canEdit
            ? [
                {
                  title: tCommon('actions'),
                  key: 'actions',
                  render: (_: unknown, row: Row) => (
                    <Popconfirm title={tCommon('confirmDelete', { name: `${row.key} (${row.language})` })} okText={tCommon('delete')} cancelText={tCommon('cancel')} onConfirm={() => remove.mutateAsync({ id: row.id }).catch(() => undefined)}>
                      <Button type="link" size="small" danger aria-label={`${tCommon('delete')}: ${row.key} ${row.language}`}>{tCommon('delete')}</Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </PageFrame>
  );
}
