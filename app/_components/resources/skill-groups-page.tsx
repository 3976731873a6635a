'use client';
// Skill groups: key, name, description; create, edit (name and description; the key is fixed) and delete.

import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Modal, Table } from 'antd';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useHydrated } from '../../_lib/use-hydrated';
import { apiErrorMessage } from '../../_lib/api-error';
import { useTRPC } from '../../_lib/trpc-react';
import { PageFrame } from '../shell/page-frame';
import { RowActions } from './row-actions';
import { newSkillGroupName, SkillGroupFields, type SkillGroupValues } from './skill-group-fields';

export function SkillGroupsPage({ canEdit }: { canEdit: boolean }) {
  const t = useTranslations('skillGroups');
  // Dialogs drawn before hydration would not match the server's HTML (React error #418).
  const hydrated = useHydrated();
  const tCommon = useTranslations('common');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const groups = useQuery(trpc.resources.skillGroups.list.queryOptions());
  type Row = NonNullable<typeof groups.data>[number];
  const [editing, setEditing] = useState<Row | 'new' | null>(null);
  const [form] = Form.useForm<SkillGroupValues>();
  const onSuccess = async () => {
    message.success(tCommon('saved'));
    setEditing(null);
    await queryClient.invalidateQueries({ queryKey: trpc.resources.skillGroups.pathKey() });
  };
  const onError = (error: unknown) => message.error(tCommon('error', { message: apiErrorMessage(error) }));
  const create = useMutation(trpc.resources.skillGroups.create.mutationOptions({ onSuccess, onError }));
  const update = useMutation(trpc.resources.skillGroups.update.mutationOptions({ onSuccess, onError }));
  const remove = useMutation(trpc.resources.skillGroups.delete.mutationOptions({ onSuccess, onError }));

  function open(row: Row | 'new') {
    form.setFieldsValue(row === 'new' ? { key: '', name: '', description: '' } : { key: row.key, name: row.name, description: row.description ?? '' });
    setEditing(row);
  }

  return (
    <PageFrame title={t('title')} extra={canEdit && <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>{t('new')}</Button>}>
      <Table<Row>
        rowKey="id"
        loading={groups.isLoading}
        dataSource={groups.data ?? []}
        pagination={false}
        locale={{ emptyText: t('empty') }}
        columns={[
          { title: tCommon('key'), dataIndex: 'key' },
          { title: tCommon('name'), dataIndex: 'name' },
          { title: t('description'), dataIndex: 'description' },
          ...(canEdit
            ? [
                {
                  title: tCommon('actions'),
                  key: 'actions',
                  render: (_: unknown, row: Row) => <RowActions name={row.key} onEdit={() => open(row)} onDelete={() => remove.mutateAsync({ id: row.id })} />,
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('new') : t('editTitle', { key: editing?.key ?? '' })}
        okText={tCommon('save')}
        cancelText={tCommon('cancel')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending || update.isPending}
        forceRender={hydrated}
      >
        <Form<SkillGroupValues>
          name="skill-group"
          form={form}
          layout="vertical"
          onFinish={(values) =>
            editing === 'new' || editing === null
              ? create.mutate({ key: values.key, name: newSkillGroupName(values), description: values.description || undefined })
              : update.mutate({ id: editing.id, name: values.name, description: values.description ?? '' })
          }
        >
          <SkillGroupFields keyLocked={editing !== 'new'} />
        </Form>
      </Modal>
    </PageFrame>
  );
}
