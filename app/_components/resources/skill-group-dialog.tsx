'use client';
// The skill groups page's create / edit dialog. Its own module so the page loads it (antd's Form and Modal) only when
// a designer first opens it (next/dynamic in skill-groups-page.tsx), keeping the list route light.

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { Form, Modal } from 'antd';
import { useTranslations } from 'next-intl';
import { apiErrorMessage } from '../../_lib/api-error';
import { useTRPC } from '../../_lib/trpc-react';
import type { AppRouter } from '../../_server/routers/root';
import { newSkillGroupName, SkillGroupFields, type SkillGroupValues } from './skill-group-fields';
import { useStudioApp } from '../shell/studio-app';

export type SkillGroupRow = inferRouterOutputs<AppRouter>['resources']['skillGroups']['list'][number];

/** `group`: the one to edit, or null for a new one. */
export function SkillGroupDialog({ group, onClose }: { group: SkillGroupRow | null; onClose: () => void }) {
  const t = useTranslations('skillGroups');
  const tCommon = useTranslations('common');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = useStudioApp();
  const [form] = Form.useForm<SkillGroupValues>();
  const onSuccess = async () => {
    message.success(tCommon('saved'));
    onClose();
    await queryClient.invalidateQueries({ queryKey: trpc.resources.skillGroups.pathKey() });
  };
  const onError = (error: unknown) => message.error(tCommon('error', { message: apiErrorMessage(error) }));
  const create = useMutation(trpc.resources.skillGroups.create.mutationOptions({ onSuccess, onError }));
  const update = useMutation(trpc.resources.skillGroups.update.mutationOptions({ onSuccess, onError }));

  return (
    <Modal
      open
      title={group ? t('editTitle', { key: group.key }) : t('new')}
      okText={tCommon('save')}
      cancelText={tCommon('cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending || update.isPending}
    >
      <Form<SkillGroupValues>
        name="skill-group"
        form={form}
        layout="vertical"
        initialValues={
          group
            ? { key: group.key, name: group.name, description: group.description ?? '' }
            : { key: '', name: '', description: '' }
        }
        onFinish={(values) =>
          group
            ? update.mutate({ id: group.id, name: values.name, description: values.description ?? '' })
            : create.mutate({
                key: values.key,
                name: newSkillGroupName(values),
                description: values.description || undefined,
              })
        }
      >
        <SkillGroupFields keyLocked={group !== null} />
      </Form>
    </Modal>
  );
}
