'use client';
// The flows list page: status filter, search, the table, and the new-flow and import actions for designers.

import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Flex, Segmented, Space } from 'antd';
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
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        {/* A native search box (Escape or its ✕ clears it); the list follows as you type. */}
        <input
          type="search"
          className="cf-search"
          placeholder={t('searchPlaceholder')}
          aria-label={t('searchLabel')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
        <Segmented<FlowStatus>
          value={status}
          onChange={setStatus}
          options={[
            { value: 'active', label: t('status.active', { count: counts.data?.active ?? 0 }) },
            { value: 'archived', label: t('status.archived', { count: counts.data?.archived ?? 0 }) },
            { value: 'all', label: t('status.all') },
          ]}
        />
      </Flex>
      <FlowsTable search={deferredSearch} status={status} canDesign={canDesign} />
      {canDesign && creating && <NewFlowDialog open={creating} templates={templates} onClose={() => setCreating(false)} />}
    </PageFrame>
  );
}
