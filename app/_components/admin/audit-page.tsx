'use client';
// The audit log (admins): newest first, filtered by action, entity type and time range; each entry's before/after on demand.

import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, DatePicker, Flex, Input, Select, Table, Typography } from 'antd';
import { useClearButton } from '../shell/use-clear-button';
import type { Dayjs } from 'dayjs';
import { useFormatter, useTranslations } from 'next-intl';
import { useDeferredValue, useState } from 'react';
import { useTRPC } from '../../_lib/trpc-react';
import { PageFrame } from '../shell/page-frame';

const entityTypes = ['flow', 'version', 'line', 'user', 'schedule', 'skillGroup', 'agent', 'integration', 'promptAudio'];

export function AuditPage() {
  const t = useTranslations('audit');
  const tCommon = useTranslations('common');
  const clearButton = useClearButton();
  const format = useFormatter();
  const trpc = useTRPC();
  const [action, setAction] = useState('');
  const deferredAction = useDeferredValue(action.trim());
  const [entityType, setEntityType] = useState<string | undefined>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const log = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(
      {
        action: deferredAction || undefined,
        entityType,
        from: range?.[0]?.startOf('day').toDate(),
        to: range?.[1]?.endOf('day').toDate(),
        limit: 50,
      },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const rows = log.data?.pages.flatMap((page) => page.entries) ?? [];
  type Row = (typeof rows)[number];

  return (
    <PageFrame title={t('title')}>
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        <Input allowClear placeholder={t('actionPlaceholder')} aria-label={t('action')} value={action} onChange={(event) => setAction(event.target.value)} style={{ width: 240 }} />
        <Select allowClear={clearButton} placeholder={t('entityType')} aria-label={t('entityType')} value={entityType} onChange={setEntityType} options={entityTypes.map((type) => ({ value: type, label: t(`entityTypes.${type}`) }))} style={{ width: 200 }} />
        <DatePicker.RangePicker value={range} onChange={(value) => setRange(value)} aria-label={t('range')} />
      </Flex>
      <Table<Row>
        rowKey="id"
        size="small"
        loading={log.isLoading}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('empty') }}
        expandable={{
          expandedRowRender: (row) => (
            <Flex gap={16} wrap>
              <div>
                <Typography.Text strong>{t('before')}</Typography.Text>
                <pre style={{ margin: 0, maxWidth: 560, overflow: 'auto' }}>{row.before === null ? tCommon('none') : JSON.stringify(row.before, null, 2)}</pre>
              </div>
              <div>
                <Typography.Text strong>{t('after')}</Typography.Text>
                <pre style={{ margin: 0, maxWidth: 560, overflow: 'auto' }}>{row.after === null ? tCommon('none') : JSON.stringify(row.after, null, 2)}</pre>
              </div>
            </Flex>
          ),
        }}
        columns={[
          { title: t('at'), dataIndex: 'at', render: (at: string | Date) => format.dateTime(new Date(at), 'short') },
          {
            title: t('actor'),
            key: 'actor',
            // With the email: a display name alone could be a look-alike of someone else's.
            render: (_, row) =>
              row.actorName ? (
                <>
                  {row.actorName}
                  <br />
                  <Typography.Text type="secondary">{row.actorEmail}</Typography.Text>
                </>
              ) : row.actorId ? row.actorId : t('system'),
          },
          // The code stays on the element (tests and support read it); the admin reads the sentence.
          { title: t('action'), dataIndex: 'action', render: (value: string) => <span data-action={value}>{t.has(`actions.${value}`) ? t(`actions.${value}`) : value}</span> },
          {
            title: t('entity'),
            key: 'entity',
            render: (_, row) => {
              const type = t.has(`entityTypes.${row.entityType}`) ? t(`entityTypes.${row.entityType}`) : row.entityType;
              return row.entityName ? t('target', { type, name: row.entityName }) : row.entityType === 'settings' ? type : `${type} ${row.entityId}`;
            },
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('shown', { count: rows.length })}
      </Typography.Paragraph>
      {log.hasNextPage && (
        <Button loading={log.isFetchingNextPage} onClick={() => log.fetchNextPage()}>
          {tCommon('loadMore')}
        </Button>
      )}
    </PageFrame>
  );
}
