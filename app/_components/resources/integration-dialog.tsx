'use client';
// The integrations page's create / edit dialog (admins). Its own module so the page loads it (antd's Form, Modal and
// Checkbox) only when first opened (next/dynamic in integrations-page.tsx). Stored header values and the secret are
// write-only: the form shows header names and whether a secret is set, never their values.

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, Modal } from 'antd';
import { useTranslations } from 'next-intl';
import { apiErrorMessage } from '../../_lib/api-error';
import { useTRPC, useTRPCClient } from '../../_lib/trpc-react';
import {
  integrationCreateInput,
  IntegrationFields,
  newIntegrationValues,
  type IntegrationValues,
} from './integration-fields';
import { useStudioApp } from '../shell/studio-app';

/** What the dialog needs of a listed integration (the admin's detailed list). */
export interface IntegrationRow {
  id: string;
  key: string;
  name: string;
  hasSecret: boolean;
  baseUrl?: string;
  headerNames?: string[];
  allowInternal?: boolean;
  allowSimulatorCalls?: boolean;
  secretHeaderName?: string | null;
}

/** `integration`: the one to edit, or null for a new one. */
export function IntegrationDialog({
  integration,
  onClose,
}: {
  integration: IntegrationRow | null;
  onClose: () => void;
}) {
  const t = useTranslations('integrations');
  const tCommon = useTranslations('common');
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const { message } = useStudioApp();
  const [form] = Form.useForm<IntegrationValues>();

  const save = useMutation({
    mutationFn: async (values: IntegrationValues) => {
      if (!integration) return client.resources.integrations.create.mutate(integrationCreateInput(values));
      // Stored header values are never sent back: the list is written only when some value was typed (all of them then).
      const typed = (values.headers ?? []).some((header) => header.value);
      const { key: _key, headers, secret, ...common } = integrationCreateInput(values);
      return client.resources.integrations.update.mutate({
        id: integration.id,
        ...common,
        headers: typed ? headers : undefined,
        secret: values.removeSecret ? null : secret,
      });
    },
    onSuccess: async () => {
      message.success(tCommon('saved'));
      onClose();
      await queryClient.invalidateQueries({ queryKey: trpc.resources.integrations.pathKey() });
    },
    onError: (error) => message.error(tCommon('error', { message: apiErrorMessage(error) })),
  });

  const initialValues: IntegrationValues = integration
    ? {
        key: integration.key,
        name: integration.name,
        baseUrl: integration.baseUrl ?? '',
        headers: (integration.headerNames ?? []).map((name) => ({ name, value: '' })),
        allowInternal: integration.allowInternal ?? false,
        allowSimulatorCalls: integration.allowSimulatorCalls ?? true,
        secretHeaderName: integration.secretHeaderName ?? 'Authorization',
        secretValue: '',
        removeSecret: false,
      }
    : newIntegrationValues;

  return (
    <Modal
      open
      title={integration ? t('editTitle', { key: integration.key }) : t('new')}
      okText={tCommon('save')}
      cancelText={tCommon('cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      width={640}
    >
      <Form<IntegrationValues>
        name="integration"
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => save.mutate(values)}
        autoComplete="off"
      >
        <IntegrationFields keyLocked={integration !== null} hasSecret={integration?.hasSecret ?? false} />
      </Form>
    </Modal>
  );
}
