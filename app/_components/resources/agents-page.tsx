'use client';
// Agents: name, contact, enabled, and skills (skill group + level 1–10); create, edit and delete for designers.

import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import { NumberInput } from '../shell/number-input';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useHydrated } from '../../_lib/use-hydrated';
import { apiErrorMessage } from '../../_lib/api-error';
import { useTRPC, useTRPCClient } from '../../_lib/trpc-react';
import { PageFrame } from '../shell/page-frame';
import { RowActions } from './row-actions';

interface AgentValues {
  name: string;
  contact: string;
  enabled: boolean;
  skills: { skillGroup: string; level: number }[];
}

export function AgentsPage({ canEdit }: { canEdit: boolean }) {
  const t = useTranslations('agents');
  // Dialogs drawn before hydration would not match the server's HTML (React error #418).
  const hydrated = useHydrated();
  const tCommon = useTranslations('common');
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const agents = useQuery(trpc.resources.agents.list.queryOptions());
  const groups = useQuery(trpc.resources.skillGroups.list.queryOptions());
  type Row = NonNullable<typeof agents.data>[number];
  const [editing, setEditing] = useState<Row | 'new' | null>(null);
  const [form] = Form.useForm<AgentValues>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.resources.agents.pathKey() });
  const onError = (error: unknown) => message.error(tCommon('error', { message: apiErrorMessage(error) }));

  const save = useMutation({
    mutationFn: async (values: AgentValues) => {
      const skills = values.skills ?? [];
      if (editing === 'new' || editing === null) return client.resources.agents.create.mutate({ ...values, skills });
      await client.resources.agents.update.mutate({ id: editing.id, name: values.name, contact: values.contact, enabled: values.enabled });
      return client.resources.agents.setSkills.mutate({ id: editing.id, skills });
    },
    onSuccess: async () => {
      message.success(tCommon('saved'));
      setEditing(null);
      await refresh();
    },
    onError,
  });
  const remove = useMutation(trpc.resources.agents.delete.mutationOptions({ onSuccess: refresh, onError }));
  const setEnabled = useMutation(trpc.resources.agents.update.mutationOptions({ onSuccess: refresh, onError }));

  function open(row: Row | 'new') {
    form.setFieldsValue(
      row === 'new'
        ? { name: '', contact: '', enabled: true, skills: [] }
        : { name: row.name, contact: row.contact, enabled: row.enabled, skills: row.skills.map(({ skillGroup, level }) => ({ skillGroup, level })) },
    );
    setEditing(row);
  }

  const groupOptions = (groups.data ?? []).map((group) => ({ value: group.key, label: `${group.name} (${group.key})` }));

  return (
    <PageFrame title={t('title')} extra={canEdit && <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>{t('new')}</Button>}>
      <Table<Row>
        rowKey="id"
        loading={agents.isLoading}
        dataSource={agents.data ?? []}
        pagination={false}
        locale={{ emptyText: t('empty') }}
        columns={[
          { title: tCommon('name'), dataIndex: 'name' },
          { title: t('contact'), dataIndex: 'contact' },
          {
            title: t('skills'),
            key: 'skills',
            render: (_, row) => row.skills.map((skill) => <Tag key={skill.skillGroup}>{t('skillLevel', { group: skill.skillGroupName, level: skill.level })}</Tag>),
          },
          {
            title: tCommon('enabled'),
            key: 'enabled',
            render: (_, row) => <Switch checked={row.enabled} disabled={!canEdit} aria-label={t('enabledFor', { name: row.name })} onChange={(enabled) => setEnabled.mutate({ id: row.id, enabled })} />,
          },
          ...(canEdit
            ? [
                {
                  title: tCommon('actions'),
                  key: 'actions',
                  render: (_: unknown, row: Row) => <RowActions name={row.name} onEdit={() => open(row)} onDelete={() => remove.mutateAsync({ id: row.id })} />,
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('new') : t('editTitle', { name: editing?.name ?? '' })}
        okText={tCommon('save')}
        cancelText={tCommon('cancel')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        forceRender={hydrated}
        width={600}
      >
        <Form<AgentValues> name="agent" form={form} layout="vertical" onFinish={(values) => save.mutate(values)}>
          <Form.Item label={tCommon('name')} name="name" rules={[{ required: true, whitespace: true, message: tCommon('nameRequired') }]}>
            <Input />
          </Form.Item>
          <Form.Item label={t('contact')} name="contact" extra={t('contactHint')} rules={[{ required: true, whitespace: true, message: t('contactRequired') }]}>
            <Input />
          </Form.Item>
          <Form.Item label={tCommon('enabled')} name="enabled" valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.List name="skills">
            {(fields, { add, remove: removeSkill }) => (
              <Form.Item label={t('skills')} extra={t('levelHint')}>
                {fields.map((field, index) => (
                  <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                    <Form.Item name={[field.name, 'skillGroup']} rules={[{ required: true, message: t('groupRequired') }]}>
                      <Select options={groupOptions} style={{ width: 260 }} aria-label={t('skillGroupN', { index: index + 1 })} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'level']} rules={[{ required: true, type: 'number', min: 1, max: 10, message: t('levelRange') }]}>
                      <NumberInput min={1} max={10} aria-label={t('levelN', { index: index + 1 })} />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} aria-label={t('removeSkill', { index: index + 1 })} onClick={() => removeSkill(field.name)} />
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ level: 5 })} disabled={groupOptions.length === 0}>
                  {t('addSkill')}
                </Button>
              </Form.Item>
            )}
          </Form.List>
        </Form>
      </Modal>
    </PageFrame>
  );
}
