'use client';
// Admins bind a phone line to this flow at a pinned version or "latest" (lines.bind), from the history page.

import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Select, Space } from 'antd';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { apiErrorMessage } from '../../_lib/api-error';
import { useTRPC } from '../../_lib/trpc-react';
import { Panel } from '../shell/panel';
import { useStudioApp } from '../shell/studio-app';

export interface BindLineFormProps {
  flowId: string;
  versions: readonly number[];
  onBound(): void;
}

export function BindLineForm({ flowId, versions, onBound }: BindLineFormProps) {
  const t = useTranslations('versions.bind');
  const tCommon = useTranslations('common');
  const trpc = useTRPC();
  const { message } = useStudioApp();
  const lines = useQuery(trpc.lines.list.queryOptions());
  const [lineId, setLineId] = useState<string>();
  const [version, setVersion] = useState<string>('latest');
  const bind = useMutation(
    trpc.lines.bind.mutationOptions({
      onSuccess: (line) => {
        message.success(t('bound', { number: line.number, version: line.version ?? 'latest' }));
        setLineId(undefined);
        onBound();
      },
      onError: (error) => message.error(tCommon('error', { message: apiErrorMessage(error) })),
    }),
  );
  return (
    <Panel size="small" title={t('title')} style={{ marginBottom: 16 }}>
      <Space wrap>
        <span>{t('line')}</span>
        <Select
          style={{ minWidth: 260 }}
          aria-label={t('line')}
          loading={lines.isLoading}
          value={lineId}
          onChange={setLineId}
          showSearch={{ optionFilterProp: 'label' }}
          notFoundContent={t('noLines')}
          options={(lines.data ?? []).map((l) => ({
            value: l.id,
            label: `${l.number}${l.label ? ` · ${l.label}` : ''} — ${l.flowName}${l.version === null ? ' (latest)' : ` v${l.version}`}`,
          }))}
        />
        <span>{t('version')}</span>
        <Select
          style={{ minWidth: 160 }}
          aria-label={t('version')}
          value={version}
          onChange={setVersion}
          options={[
            { value: 'latest', label: t('latest') },
            ...versions.map((v) => ({ value: String(v), label: t('pinned', { version: v }) })),
          ]}
        />
        <Button
          type="primary"
          disabled={!lineId || versions.length === 0}
          loading={bind.isPending}
          onClick={() =>
            lineId && bind.mutate({ id: lineId, flowId, version: version === 'latest' ? 'latest' : Number(version) })
          }
        >
          {t('bind')}
        </Button>
      </Space>
    </Panel>
  );
}
