'use client';
// The audit log (admins): newest first, filtered by action, entity type and time range; each entry's before/after on demand.

import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Flex, Input, Select } from 'antd';
import dynamic from 'next/dynamic';
import { useFormatter, useTranslations } from 'next-intl';
import { useDeferredValue, useState } from 'react';
import { useTRPC } from '../../_lib/trpc-react';
import { DataTable, type DataColumn } from '../shell/data-table';
import { PageFrame } from '../shell/page-frame';
import { useClearButton } from '../shell/use-clear-button';
import type { AuditRange } from './audit-range-picker';

const entityTypes = [
  'flow',
  'version',
  'line',
  'user',
  'schedule',
  'skillGroup',
  'agent',
  'integration',
  'promptAudio',
];

// The range picker (antd's calendar panels) loads after the list; an empty box of its size holds its place meanwhile.
const AuditRangePicker = dynamic(() => import('./audit-range-picker').then((module) => module.AuditRangePicker), {
  ssr: false,
  loading: () => <div className="cf-picker-placeholder" aria-hidden />,
});

const secondary = { color: 'rgba(0, 0, 0, 0.62)' };

export function AuditPage() {
  const t = useTranslations('audit');
  const tCommon = useTranslations('common');
  const clearButton = useClearButton();
  const format = useFormatter();
  const trpc = useTRPC();
  const [action, setAction] = useState('');
  const deferredAction = useDeferredValue(action.trim());
  const [entityType, setEntityType] = useState<string | undefined>();
  const [range, setRange] = useState<AuditRange>(null);
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

  const columns: DataColumn<Row>[] = [
    { key: 'at', title: t('at'), render: (row) => format.dateTime(new Date(row.at), 'short') },
    {
      key: 'actor',
      title: t('actor'),
      // With the email: a display name alone could be a look-alike of someone else's.
      render: (row) =>
        row.actorName ? (
          <>
            {row.actorName}
            <br />
            <span style={secondary}>{row.actorEmail}</span>
          </>
        ) : row.actorId ? (
          row.actorId
        ) : (
          t('system')
        ),
    },
    // The code stays on the element (tests and support read it); the admin reads the sentence.
    {
      key: 'action',
      title: t('action'),
      render: (row) => (
        <span data-action={row.action}>{t.has(`actions.${row.action}`) ? t(`actions.${row.action}`) : row.action}</span>
      ),
    },
    {
      key: 'entity',
      title: t('entity'),
      render: (row) => {
        const type = t.has(`entityTypes.${row.entityType}`) ? t(`entityTypes.${row.entityType}`) : row.entityType;
        return row.entityName
          ? t('target', { type, name: row.entityName })
          : row.entityType === 'settings'
            ? type
            : `${type} ${row.entityId}`;
      },
    },
  ];

  return (
    <PageFrame title={t('title')}>
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        <Input
          allowClear
          placeholder={t('actionPlaceholder')}
          aria-label={t('action')}
          value={action}
          onChange={(event) => setAction(event.target.value)}
          style={{ width: 240 }}
        />
        <Select
          allowClear={clearButton}
          placeholder={t('entityType')}
          aria-label={t('entityType')}
          value={entityType}
          onChange={setEntityType}
          options={entityTypes.map((type) => ({ value: type, label: t(`entityTypes.${type}`) }))}
          style={{ width: 200 }}
        />
        <AuditRangePicker value={range} onChange={setRange} label={t('range')} />
      </Flex>
      <DataTable
        rows={rows}
        rowKey={(row) => String(row.id)}
        size="small"
        loading={log.isLoading}
        empty={t('empty')}
        columns={columns}
        expandable={{
          expandLabel: t('showChange'),
          collapseLabel: t('hideChange'),
          render: (row) => (
            <Flex gap={16} wrap>
              <div>
                <strong>{t('before')}</strong>
                <pre style={{ margin: 0, maxWidth: 560, overflow: 'auto' }}>
                  {row.before === null ? tCommon('none') : JSON.stringify(row.before, null, 2)}
                </pre>
              </div>
              <div>
                <strong>{t('after')}</strong>
                <pre style={{ margin: 0, maxWidth: 560, overflow: 'auto' }}>
                  {row.after === null ? tCommon('none') : JSON.stringify(row.after, null, 2)}
                </pre>
              </div>
            </Flex>
          ),
        }}
      />
      <p style={{ ...secondary, marginTop: 8 }}>{t('shown', { count: rows.length })}</p>
      {log.hasNextPage && (
        <Button loading={log.isFetchingNextPage} onClick={() => log.fetchNextPage()}>
          {tCommon('loadMore')}
        </Button>
      )}
    </PageFrame>
  );
}
