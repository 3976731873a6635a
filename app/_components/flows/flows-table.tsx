'use client';
// The table of flows, newest change first, a page of 50 at a time, with each flow's actions. A plain HTML table:
// antd's Table (with its filter tree, selects and virtual list) alone costs ≈ 80 KB gzipped on the list route.

import { useInfiniteQuery } from '@tanstack/react-query';
import { Button } from 'antd';
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
      <div className="data-table" aria-busy={list.isLoading}>
        <p className="data-table-caption">{t('count', { count: rows.length })}</p>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('columns.name')}</th>
              <th scope="col">{t('columns.key')}</th>
              <th scope="col" className="number">
                {t('columns.revision')}
              </th>
              <th scope="col">{t('columns.published')}</th>
              <th scope="col">{t('columns.updated')}</th>
              <th scope="col">{tCommon('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((flow) => {
              // Dates arrive as ISO text over HTTP (no transformer).
              const date = new Date(flow.updatedAt);
              return (
                <tr key={flow.id}>
                  <td>
                    <Link href={`/flows/${flow.id}`}>{flow.name}</Link>{' '}
                    {flow.archivedAt && <span className="cf-tag">{t('archivedTag')}</span>}
                  </td>
                  <td className="secondary">{flow.key}</td>
                  <td className="number">{format.number(flow.revision)}</td>
                  <td>
                    {flow.latestVersion === null ? (
                      <span className="secondary">{t('notPublished')}</span>
                    ) : (
                      t('publishedVersion', { version: flow.latestVersion })
                    )}
                  </td>
                  <td>
                    {flow.updatedByName ? t('updatedBy', { date, name: flow.updatedByName }) : t('updatedAt', { date })}
                  </td>
                  <td>
                    <FlowActions flow={flow} canDesign={canDesign} />
                  </td>
                </tr>
              );
            })}
            {!list.isLoading && rows.length === 0 && (
              <tr>
                <td colSpan={6} className="empty">
                  {search ? t('emptySearch', { search }) : t('empty')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {list.hasNextPage && (
        <Button style={{ marginTop: 12 }} loading={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
          {tCommon('loadMore')}
        </Button>
      )}
    </>
  );
}
