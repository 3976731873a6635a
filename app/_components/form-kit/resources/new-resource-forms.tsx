'use client';
// Create forms for the editor's "new …" drawer: the same fields as the resource pages, saved with the same procedures.

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form } from 'antd';
import { useTranslations } from 'next-intl';
import { apiErrorMessage } from '../../../_lib/api-error';
import { useTRPC, useTRPCClient } from '../../../_lib/trpc-react';
import {
  integrationCreateInput,
  IntegrationFields,
  newIntegrationValues,
  type IntegrationValues,
} from '../../resources/integration-fields';
import { newSkillGroupName, SkillGroupFields, type SkillGroupValues } from '../../resources/skill-group-fields';

export interface NewResourceFormProps {
  /** The resource was created; its key goes into the field. */
  onCreated(key: string): void;
}

function useSaveMessages() {
  const tCommon = useTranslations('common');
  const { message } = App.useApp();
  return {
    saved: () => message.success(tCommon('saved')),
    failed: (error: unknown) => message.error(tCommon('error', { message: apiErrorMessage(error) })),
  };
}

export function NewSkillGroupForm({ onCreated }: NewResourceFormProps) {
  const tCommon = useTranslations('common');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const say = useSaveMessages();
  const create = useMutation(
    trpc.resources.skillGroups.create.mutationOptions({
      onSuccess: async (row) => {
        say.saved();
        await queryClient.invalidateQueries({ queryKey: trpc.resources.skillGroups.pathKey() });
        onCreated(row.key);
      },
      onError: say.failed,
    }),
  );
  return (
    <Form<SkillGroupValues>
      name="new-skill-group"
      layout="vertical"
      initialValues={{ key: '', name: '', description: '' }}
      onFinish={(values) =>
        create.mutate({
          key: values.key,
          name: newSkillGroupName(values),
          description: values.description || undefined,
        })
      }
    >
      <SkillGroupFields keyLocked={false} />
      <Button type="primary" htmlType="submit" loading={create.isPending}>
        {tCommon('save')}
      </Button>
    </Form>
  );
}

export function NewIntegrationForm({ onCreated }: NewResourceFormProps) {
  const tCommon = useTranslations('common');
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const say = useSaveMessages();
  const create = useMutation({
    mutationFn: (values: IntegrationValues) =>
      client.resources.integrations.create.mutate(integrationCreateInput(values)),
    onSuccess: async (row) => {
      say.saved();
      await queryClient.invalidateQueries({ queryKey: trpc.resources.integrations.pathKey() });
      onCreated(row.key);
    },
    onError: say.failed,
  });
  return (
    <Form<IntegrationValues>
      name="new-integration"
      layout="vertical"
      initialValues={newIntegrationValues}
      onFinish={(values) => create.mutate(values)}
      autoComplete="off"
    >
      <IntegrationFields keyLocked={false} hasSecret={false} />
      <Button type="primary" htmlType="submit" loading={create.isPending}>
        {tCommon('save')}
      </Button>
    </Form>
  );
}
