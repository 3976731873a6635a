'use client';
// The admin settings form: each switch saves at once through settings.update (audited on the server).

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Spin, Switch } from 'antd';
import { useTranslations } from 'next-intl';
import { apiErrorMessage } from '../../_lib/api-error';
import { useTRPC } from '../../_lib/trpc-react';
import { PageFrame } from '../../_components/shell/page-frame';
import { Panel } from '../../_components/shell/panel';
import { useStudioApp } from '../../_components/shell/studio-app';

export function SettingsForm() {
  const t = useTranslations('settings');
  const tCommon = useTranslations('common');
  const { message } = useStudioApp();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.settings.get.queryOptions());
  const update = useMutation(
    trpc.settings.update.mutationOptions({
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.settings.get.queryKey(), saved);
        message.success(t('saved'));
      },
      onError: (error) => message.error(tCommon('error', { message: apiErrorMessage(error) })),
    }),
  );

  return (
    <PageFrame title={t('title')}>
      {settings.error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={tCommon('error', { message: apiErrorMessage(settings.error) })}
        />
      )}
      {settings.isLoading && <Spin />}
      {settings.data && (
        <Panel title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('publishing')}</h2>} style={{ maxWidth: 720 }}>
          <div style={{ display: 'flex', gap: 12, alignItems: 'flex-start' }}>
            <Switch
              id="cf-require-tests"
              checked={
                update.isPending && update.variables
                  ? update.variables.requireTestsToPublish
                  : settings.data.requireTestsToPublish
              }
              loading={update.isPending}
              aria-describedby="cf-require-tests-hint"
              onChange={(checked) => update.mutate({ requireTestsToPublish: checked })}
            />
            <div>
              <label htmlFor="cf-require-tests" style={{ fontWeight: 600 }}>
                {t('requireTests')}
              </label>
              <p id="cf-require-tests-hint" style={{ margin: '4px 0 0', color: '#4b5563' }}>
                {t('requireTestsHint')}
              </p>
            </div>
          </div>
        </Panel>
      )}
    </PageFrame>
  );
}
