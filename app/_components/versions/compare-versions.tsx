'use client';
// Compare any two versions (or a version and the draft): the JSON diff side by side, and beside it the caller-experience review.

import { useQuery } from '@tanstack/react-query';
import { Alert, Col, Row, Select, Skeleton, Space, Typography } from 'antd';
import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { apiErrorMessage } from '../../_lib/api-error';
import { useTRPC } from '../../_lib/trpc-react';
// The module itself, not the diff index: the index would bring the node registry (diffCallerExperience) to this page.
import { reviewNodes } from '../../../flow-engine/diff/format-caller-experience';
import { CallerReview } from './caller-review';
import { parseSide, sideValue, type VersionSide } from './version-side';

// Monaco loads on this route only, and never on the server.
const FlowDiffEditor = dynamic(() => import('../monaco/flow-diff-editor'), {
  ssr: false,
  loading: () => <Skeleton active paragraph={{ rows: 10 }} />,
});

export interface CompareVersionsProps {
  flowId: string;
  versions: readonly number[];
  a: VersionSide;
  b: VersionSide;
  onChange(sides: { a: VersionSide; b: VersionSide }): void;
}

export function CompareVersions({ flowId, versions, a, b, onChange }: CompareVersionsProps) {
  const t = useTranslations('versions.compare');
  const trpc = useTRPC();
  const label = (side: VersionSide) => (side === 'draft' ? t('draft') : t('version', { version: side }));
  const options = [
    ...versions.map((v) => ({ value: sideValue(v), label: label(v) })),
    { value: 'draft', label: t('draft') },
  ];
  const flow = useQuery({ ...trpc.flows.get.queryOptions({ flowId }), enabled: a === 'draft' || b === 'draft' });
  const versionA = useQuery({
    ...trpc.versions.get.queryOptions({ flowId, version: a === 'draft' ? 1 : a }),
    enabled: a !== 'draft',
  });
  const versionB = useQuery({
    ...trpc.versions.get.queryOptions({ flowId, version: b === 'draft' ? 1 : b }),
    enabled: b !== 'draft',
  });
  const review = useQuery(trpc.versions.callerDiff.queryOptions({ flowId, a, b }));
  const before = a === 'draft' ? flow.data?.draft : versionA.data?.document;
  const after = b === 'draft' ? flow.data?.draft : versionB.data?.document;
  const nodes = useMemo(() => reviewNodes(before ?? {}, after ?? {}), [before, after]);
  const failed = [flow, versionA, versionB, review].find((q) => q.error);

  return (
    <section aria-label={t('title')}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Text strong>{t('title')}</Typography.Text>
        <Select
          style={{ minWidth: 140 }}
          aria-label={t('from')}
          value={sideValue(a)}
          options={options}
          onChange={(v: string) => onChange({ a: parseSide(v), b })}
        />
        <span aria-hidden>→</span>
        <Select
          style={{ minWidth: 140 }}
          aria-label={t('to')}
          value={sideValue(b)}
          options={options}
          onChange={(v: string) => onChange({ a, b: parseSide(v) })}
        />
      </Space>
      {failed?.error && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title={apiErrorMessage(failed.error)} />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Typography.Title level={2} style={{ fontSize: 15 }}>
            {t('jsonDiff', { before: label(a), after: label(b) })}
          </Typography.Title>
          {before && after ? (
            <FlowDiffEditor before={before} after={after} beforeLabel={label(a)} afterLabel={label(b)} />
          ) : (
            <Skeleton active paragraph={{ rows: 10 }} />
          )}
        </Col>
        <Col xs={24} xl={9}>
          <Typography.Title level={2} style={{ fontSize: 15 }}>
            {t('callerDiff')}
          </Typography.Title>
          {review.data ? (
            <CallerReview flowId={flowId} review={review.data.review} nodes={nodes} />
          ) : (
            <Skeleton active />
          )}
        </Col>
      </Row>
    </section>
  );
}
