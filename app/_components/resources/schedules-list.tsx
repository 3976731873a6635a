'use client';
// The schedules table: key, name, time zone, open days and holiday count; new, edit and delete for designers.

import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Table, Typography } from 'antd';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { weekdays } from '../../../flow-engine/schedule/schedule-config';
import { apiErrorMessage } from '../../_lib/api-error';
import { useTRPC } from '../../_lib/trpc-react';
import { PageFrame } from '../shell/page-frame';
import { RowActions } from './row-actions';

export function SchedulesList({ canEdit }: { canEdit: boolean }) {
  const t = useTranslations('schedules');
  const tCommon = useTranslations('common');
  const tDays = useTranslations('weekdays');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const schedules = useQuery(trpc.resources.schedules.list.queryOptions());
  const remove = useMutation(
    trpc.resources.schedules.delete.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.resources.schedules.pathKey() }),
      onError: (error) => message.error(tCommon('error', { message: apiErrorMessage(error) })),
    }),
  );
  type Row = NonNullable<typeof schedules.data>[number];

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
      <Table<Row>
        rowKey="id"
        loading={schedules.isLoading}
        dataSource={schedules.data ?? []}
        pagination={false}
        locale={{ emptyText: t('empty') }}
        columns={[
          { title: tCommon('key'), dataIndex: 'key', render: (key: string, row) => <Link href={`/resources/schedules/${row.id}`}>{key}</Link> },
          { title: tCommon('name'), dataIndex: 'name' },
          { title: t('timezone'), key: 'timezone', render: (_, row) => row.definition.timezone },
          {
            title: t('openDays'),
            key: 'days',
            render: (_, row) => weekdays.filter((day) => (row.definition.weekly[day] ?? []).length > 0).map((day) => tDays(`short.${day}`)).join(' '),
          },
          { title: t('holidayCount'), key: 'holidays', render: (_, row) => t('daysCount', { holidays: row.definition.holidays.length, special: row.definition.specialDays.length }) },
          ...(canEdit
            ? [
                {
                  title: tCommon('actions'),
                  key: 'actions',
                  render: (_: unknown, row: Row) => <RowActions name={row.key} editHref={`/resources/schedules/${row.id}`} onDelete={() => remove.mutateAsync({ id: row.id })} />,
                },
              ]
            : []),
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('hint')}
      </Typography.Paragraph>
    </PageFrame>
  );
}
