'use client';
// The table of flows, newest change first, a page of 50 at a time, with each flow's actions.

import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Table, Tag, Typography } from 'antd';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { useTRPC } from '../../_lib/trpc-react';
import { FlowActions, type FlowRow } from './flow-actions';

export type FlowStatus = 'active' | 'archived' | 'all';

const pageSize = 50;

export function FlowsTable({ search, status, canDesign }: { search: string; status: FlowStatus; canDesign: boolean }) {
  const t = useTranslations('flows');
  const tCommon = useTranslations('common');
  const format = useFormatter();
  const trpc = useTRPC();
  const list = useInfiniteQuery(
    trpc.flows.list.infiniteQueryOptions(
      { search: search || undefined, status, limit: pageSize },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const rows: FlowRow[] = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <Table<FlowRow>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: search ? t('emptySearch', { search }) : t('empty') }}
        title={() => <Typography.Text type="secondary">{t('count', { count: rows.length })}</Typography.Text>}
        columns={[
          {
            title: t('columns.name'),
            key: 'name',
            render: (_, flow) => (
              <>
                <Link href={`/flows/${flow.id}`}>{flow.name}</Link> {flow.archivedAt && <Tag>{t('archivedTag')}</Tag>}
              </>
            ),
          },
          { title: t('columns.key'), dataIndex: 'key', render: (key: string) => <Typography.Text type="secondary">{key}</Typography.Text> },
          { title: t('columns.revision'), dataIndex: 'revision', align: 'right', render: (revision: number) => format.number(revision) },
          {
            title: t('columns.published'),
            dataIndex: 'latestVersion',
            render: (version: number | null) => (version === null ? <Typography.Text type="secondary">{t('notPublished')}</Typography.Text> : t('publishedVersion', { version })),
          },
          {
            title: t('columns.updated'),
            key: 'updated',
            render: (_, flow) => {
              // Dates arrive as ISO text over HTTP (no transformer).
              const date = new Date(flow.updatedAt);
              return flow.updatedByName ? t('updatedBy', { date, name: flow.updatedByName }) : t('updatedAt', { date });
            },
          },
          { title: tCommon('actions'), key: 'actions', render: (_, flow) => <FlowActions flow={flow} canDesign={canDesign} /> },
        ]}
      />
      {list.hasNextPage && (
        <Button style={{ marginTop: 12 }} loading={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
          {tCommon('loadMore')}
        </Button>
      )}
    </>
  );
}
