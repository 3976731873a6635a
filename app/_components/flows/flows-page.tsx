'use client';
// The flows list page: status filter, search, the table, and the new-flow and import actions for designers.

import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Space } from 'antd';
import { useTranslations } from 'next-intl';
import dynamic from 'next/dynamic';
import { useDeferredValue, useState } from 'react';
import type { TemplateSummary } from '../../_server/flows/templates';
import { useTRPC } from '../../_lib/trpc-react';
import { PageFrame } from '../shell/page-frame';
import { FlowsTable, type FlowStatus } from './flows-table';
import { ImportFlowButton } from './import-flow-button';
import './flows-list.css';

// The dialog (antd Form, Radio, List…) loads when first opened, keeping the list route light.
const NewFlowDialog = dynamic(() => import('./new-flow-dialog').then((module) => module.NewFlowDialog), { ssr: false });

const statusOptions: FlowStatus[] = ['active', 'archived', 'all'];

export function FlowsPage({ templates, canDesign }: { templates: TemplateSummary[]; canDesign: boolean }) {
  const t = useTranslations('flows');
  const trpc = useTRPC();
  const [search, setSearch] = useState('');
  const deferredSearch = useDeferredValue(search.trim());
  const [status, setStatus] = useState<FlowStatus>('active');
  const [creating, setCreating] = useState(false);
  const counts = useQuery(trpc.flows.counts.queryOptions());

  return (
    <PageFrame
      title={t('title')}
      extra={
        canDesign && (
          <Space>
            <ImportFlowButton />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('new')}
            </Button>
          </Space>
        )
      }
    >
      <div className="cf-list-controls">
        {/* A native search box (Escape or its ✕ clears it); the list follows as you type. */}
        <input
          type="search"
          className="cf-search"
          placeholder={t('searchPlaceholder')}
          aria-label={t('searchLabel')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
        {/* Native radio buttons in antd's segmented look (antd's Segmented brought its own slider and motion code). */}
        <div role="radiogroup" aria-label={t('statusLabel')} className="cf-segmented">
          {statusOptions.map((value) => (
            <label key={value} className={status === value ? 'is-selected' : undefined}>
              <input
                type="radio"
                name="flow-status"
                value={value}
                checked={status === value}
                onChange={() => setStatus(value)}
              />
              {value === 'all' ? t('status.all') : t(`status.${value}`, { count: counts.data?.[value] ?? 0 })}
            </label>
          ))}
        </div>
      </div>
      <FlowsTable search={deferredSearch} status={status} canDesign={canDesign} />
      {canDesign && creating && (
        <NewFlowDialog open={creating} templates={templates} onClose={() => setCreating(false)} />
      )}
    </PageFrame>
  );
}
