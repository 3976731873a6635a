'use client';
// What creating from a template would do here: resources installed, reused, and missing (flows.templateResources).

import { useQuery } from '@tanstack/react-query';
import { Alert, List, Spin, Tag, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import { apiErrorMessage } from '../../_lib/api-error';
import { useTRPC } from '../../_lib/trpc-react';

type Kind = 'schedule' | 'skillGroup' | 'integration' | 'subflow';
interface Ref {
  kind: Kind;
  key: string;
  message?: string;
}

function RefList({ title, refs, color }: { title: string; refs: Ref[]; color: string }) {
  const t = useTranslations('flows.kinds');
  if (refs.length === 0) return null;
  return (
    <List
      size="small"
      header={<Typography.Text strong>{title}</Typography.Text>}
      dataSource={refs}
      renderItem={(ref) => (
        <List.Item>
          <Tag color={color}>{t(ref.kind)}</Tag> <Typography.Text code>{ref.key}</Typography.Text>
          {ref.message && <Typography.Text type="secondary"> {ref.message}</Typography.Text>}
        </List.Item>
      )}
    />
  );
}

export function TemplatePreview({ template }: { template: string }) {
  const t = useTranslations('flows.create');
  const tCommon = useTranslations('common');
  const trpc = useTRPC();
  const plan = useQuery(trpc.flows.templateResources.queryOptions({ template }));

  if (plan.isPending)
    return (
      <Spin tip={t('previewLoading')}>
        <div style={{ minHeight: 48 }} />
      </Spin>
    );
  if (plan.isError) return <Alert type="error" title={tCommon('error', { message: apiErrorMessage(plan.error) })} />;
  const { install, reuse, missing } = plan.data;
  return (
    <section aria-label={t('preview')}>
      <Typography.Title level={2} style={{ fontSize: 15 }}>
        {t('preview')}
      </Typography.Title>
      {install.length + reuse.length + missing.length === 0 && (
        <Typography.Paragraph type="secondary">{t('nothingToInstall')}</Typography.Paragraph>
      )}
      <RefList title={t('install')} refs={install} color="blue" />
      <RefList title={t('reuse')} refs={reuse} color="purple" />
      <RefList title={t('missing')} refs={missing} color="red" />
    </section>
  );
}
