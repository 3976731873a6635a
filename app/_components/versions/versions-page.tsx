'use client';
// A flow's version history: who published what and when, with which note, the lines each version serves; rollback,
// binding a line, and comparing two versions (JSON diff beside the caller-experience review).

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Input, Popconfirm, Radio, Space, Tag } from 'antd';
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { apiErrorMessage } from '../../_lib/api-error';
import { parseRollbackNote } from '../../_lib/rollback-note';
import { useTRPC } from '../../_lib/trpc-react';
import { DataTable, type DataColumn } from '../shell/data-table';
import { PageFrame } from '../shell/page-frame';
import { BindLineForm } from './bind-line-form';
import { defaultSides, type VersionSide } from './version-side';
import { useStudioApp } from '../shell/studio-app';

export interface VersionsPageProps {
  flowId: string;
  canRollback: boolean;
  canBind: boolean;
}

// The comparison (version pickers, JSON diff, the caller-experience review) sits below the history: it loads after it.
const CompareVersions = dynamic(() => import('./compare-versions').then((module) => module.CompareVersions), {
  ssr: false,
  loading: () => <div className="cf-loading-block" aria-hidden />,
});

const secondary = { color: 'rgba(0, 0, 0, 0.62)' };

type ServedLine = { id: string; number: string; label: string; enabled: boolean; version: number | null };

export function VersionsPage({ flowId, canRollback, canBind }: VersionsPageProps) {
  const t = useTranslations('versions');
  const tCommon = useTranslations('common');
  const format = useFormatter();
  /** A rollback's stored note told in the UI language; any other note as the admin wrote it. */
  const noteText = (note: string) => {
    const rollback = parseRollbackNote(note);
    if (!rollback) return note;
    return rollback.reason
      ? t('rollbackNoteWithReason', { version: rollback.version, reason: rollback.reason })
      : t('rollbackNoteShown', { version: rollback.version });
  };
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = useStudioApp();
  const flow = useQuery(trpc.flows.get.queryOptions({ flowId }));
  const history = useQuery(trpc.versions.list.queryOptions({ flowId, limit: 100 }));
  const served = useQuery(trpc.versions.lines.queryOptions({ flowId }));
  const [note, setNote] = useState('');
  const [picked, setPicked] = useState<{ a: VersionSide; b: VersionSide } | null>(null);

  const versions = history.data?.versions ?? [];
  const numbers = versions.map((v) => v.number);
  const latest = numbers[0];
  const sides = picked ?? defaultSides(numbers);
  const linesOf = (version: number): ServedLine[] =>
    (served.data ?? []).filter((l) => l.version === version || (l.version === null && version === latest));

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.versions.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.lines.pathKey() }),
    ]);
  const rollback = useMutation(
    trpc.versions.rollback.mutationOptions({
      onSuccess: (published) => {
        message.success(t('rolledBack', { version: published.number }));
        setNote('');
        setPicked(null);
        return refresh();
      },
      onError: (error) => message.error(tCommon('error', { message: apiErrorMessage(error) })),
    }),
  );

  type Version = (typeof versions)[number];
  const columns: DataColumn<Version>[] = [
    {
      key: 'number',
      title: t('columns.version'),
      render: (v) => (
        <Space>
          <strong>v{v.number}</strong>
          {v.number === latest && <Tag color="blue">{t('latest')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'publishedAt',
      title: t('columns.publishedAt'),
      render: (v) => format.dateTime(new Date(v.publishedAt), 'short'),
    },
    { key: 'publishedBy', title: t('columns.publishedBy'), render: (v) => v.publishedByName ?? t('unknownUser') },
    { key: 'note', title: t('columns.note'), render: (v) => noteText(v.note) || <span style={secondary}>—</span> },
    {
      key: 'lines',
      title: t('columns.lines'),
      render: (v) => {
        const lines = linesOf(v.number);
        return lines.length === 0 ? (
          <span style={secondary}>—</span>
        ) : (
          <Space size={4} wrap>
            {lines.map((l) => (
              <Tag key={l.id} color={l.enabled ? (l.version === null ? 'blue' : 'default') : 'warning'} title={l.label}>
                {l.number}
                {l.version === null ? ` · ${t('latest')}` : ''}
                {l.enabled ? '' : ` · ${t('lineDisabled')}`}
              </Tag>
            ))}
          </Space>
        );
      },
    },
    {
      key: 'compare',
      title: t('columns.compare'),
      render: (v) =>
        sides && (
          <Radio.Group
            size="small"
            optionType="button"
            value={sides.a === v.number ? 'a' : sides.b === v.number ? 'b' : undefined}
            onChange={(e) =>
              setPicked(e.target.value === 'a' ? { a: v.number, b: sides.b } : { a: sides.a, b: v.number })
            }
            options={[
              { value: 'a', label: t('compareFrom'), title: t('compareFromOf', { version: v.number }) },
              { value: 'b', label: t('compareTo'), title: t('compareToOf', { version: v.number }) },
            ]}
          />
        ),
    },
    ...(canRollback
      ? [
          {
            key: 'rollback',
            title: tCommon('actions'),
            render: (v: Version) => (
              <Popconfirm
                title={t('rollbackTitle', { version: v.number })}
                description={
                  <Input.TextArea
                    aria-label={t('rollbackNote')}
                    placeholder={t('rollbackNote')}
                    value={note}
                    onChange={(e) => setNote(e.target.value)}
                    autoSize={{ minRows: 2 }}
                    style={{ width: 280 }}
                  />
                }
                okText={t('rollback')}
                cancelText={tCommon('cancel')}
                onConfirm={() => rollback.mutateAsync({ flowId, version: v.number, note }).catch(() => undefined)}
              >
                <Button
                  size="small"
                  disabled={v.number === latest}
                  loading={rollback.isPending && rollback.variables?.version === v.number}
                  aria-label={t('rollbackTo', { version: v.number })}
                >
                  {t('rollback')}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  return (
    <PageFrame
      title={flow.data ? t('titleOf', { name: flow.data.name }) : t('title')}
      extra={
        <Link href={`/flows/${flowId}`}>
          <Button>{t('openEditor')}</Button>
        </Link>
      }
    >
      {history.error && <p style={{ color: '#cf1322' }}>{apiErrorMessage(history.error)}</p>}
      {canBind && <BindLineForm flowId={flowId} versions={numbers} onBound={() => void refresh()} />}
      <div style={{ marginBottom: 24 }}>
        <DataTable
          rows={versions}
          rowKey={(v) => String(v.number)}
          size="small"
          loading={history.isLoading}
          empty={t('empty')}
          columns={columns}
        />
      </div>
      {sides ? (
        <CompareVersions flowId={flowId} versions={numbers} a={sides.a} b={sides.b} onChange={setPicked} />
      ) : (
        !history.isLoading && <span style={secondary}>{t('nothingToCompare')}</span>
      )}
    </PageFrame>
  );
}
