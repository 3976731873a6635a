'use client';
// The schedules table: key, name, time zone, open days and holiday count; new, edit and delete for designers.

import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { weekdays } from '../../../flow-engine/schedule/weekdays';
import { apiErrorMessage } from '../../_lib/api-error';
import { useTRPC } from '../../_lib/trpc-react';
import { DataTable, type DataColumn } from '../shell/data-table';
import { PageFrame } from '../shell/page-frame';
import { RowActions } from './row-actions';
import { useStudioApp } from '../shell/studio-app';

export function SchedulesList({ canEdit }: { canEdit: boolean }) {
  const t = useTranslations('schedules');
  const tCommon = useTranslations('common');
  const tDays = useTranslations('weekdays');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = useStudioApp();
  const schedules = useQuery(trpc.resources.schedules.list.queryOptions());
  const remove = useMutation(
    trpc.resources.schedules.delete.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.resources.schedules.pathKey() }),
      onError: (error) => message.error(tCommon('error', { message: apiErrorMessage(error) })),
    }),
  );
  type Row = NonNullable<typeof schedules.data>[number];
  const columns: DataColumn<Row>[] = [
    {
      key: 'key',
      title: tCommon('key'),
      render: (row) => <Link href={`/resources/schedules/${row.id}`}>{row.key}</Link>,
    },
    { key: 'name', title: tCommon('name'), render: (row) => row.name },
    { key: 'timezone', title: t('timezone'), render: (row) => row.definition.timezone },
    {
      key: 'days',
      title: t('openDays'),
      render: (row) =>
        weekdays
          .filter((day) => (row.definition.weekly[day] ?? []).length > 0)
          .map((day) => tDays(`short.${day}`))
          .join(' '),
    },
    {
      key: 'holidays',
      title: t('holidayCount'),
      render: (row) =>
        t('daysCount', { holidays: row.definition.holidays.length, special: row.definition.specialDays.length }),
    },
    ...(canEdit
      ? [
          {
            key: 'actions',
            title: tCommon('actions'),
            render: (row: Row) => (
              <RowActions
                name={row.key}
                editHref={`/resources/schedules/${row.id}`}
                onDelete={() => remove.mutateAsync({ id: row.id })}
              />
            ),
          },
        ]
      : []),
  ];

  return (
    <PageFrame
      title={t('title')}
      extra={
        canEdit && (
          <Button type="primary" icon={<PlusOutlined />} href="/resources/schedules/new">
            {t('new')}
          </Button>
        )
      }
    >
      <DataTable
        rows={schedules.data ?? []}
        rowKey={(row) => row.id}
        loading={schedules.isLoading}
        empty={t('empty')}
        columns={columns}
      />
      <p style={{ marginTop: 12, color: 'rgba(0, 0, 0, 0.62)' }}>{t('hint')}</p>
    </PageFrame>
  );
}
