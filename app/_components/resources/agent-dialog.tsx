'use client';
// The agents page's create / edit dialog: name, contact, enabled and skills (skill group + level 1–10). Its own module so
// the page loads it (antd's Form, Modal and Select) only when a designer first opens it (next/dynamic in agents-page.tsx).

import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { Button, Form, Input, Modal, Select, Space, Switch } from 'antd';
import { useTranslations } from 'next-intl';
import { apiErrorMessage } from '../../_lib/api-error';
import { useTRPC, useTRPCClient } from '../../_lib/trpc-react';
import type { AppRouter } from '../../_server/routers/root';
import { NumberInput } from '../shell/number-input';
import { useStudioApp } from '../shell/studio-app';

export type AgentRow = inferRouterOutputs<AppRouter>['resources']['agents']['list'][number];

interface AgentValues {
  name: string;
  contact: string;
  enabled: boolean;
  skills: { skillGroup: string; level: number }[];
}

/** `agent`: the one to edit, or null for a new one. */
export function AgentDialog({ agent, onClose }: { agent: AgentRow | null; onClose: () => void }) {
  const t = useTranslations('agents');
  const tCommon = useTranslations('common');
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const { message } = useStudioApp();
  const groups = useQuery(trpc.resources.skillGroups.list.queryOptions());
  const [form] = Form.useForm<AgentValues>();

  const save = useMutation({
    mutationFn: async (values: AgentValues) => {
      const skills = values.skills ?? [];
      if (!agent) return client.resources.agents.create.mutate({ ...values, skills });
      await client.resources.agents.update.mutate({
        id: agent.id,
        name: values.name,
        contact: values.contact,
        enabled: values.enabled,
      });
      return client.resources.agents.setSkills.mutate({ id: agent.id, skills });
    },
    onSuccess: async () => {
      message.success(tCommon('saved'));
      onClose();
      await queryClient.invalidateQueries({ queryKey: trpc.resources.agents.pathKey() });
    },
    onError: (error) => message.error(tCommon('error', { message: apiErrorMessage(error) })),
  });

  const groupOptions = (groups.data ?? []).map((group) => ({
    value: group.key,
    label: `${group.name} (${group.key})`,
  }));
  const initialValues: AgentValues = agent
    ? {
        name: agent.name,
        contact: agent.contact,
        enabled: agent.enabled,
        skills: agent.skills.map(({ skillGroup, level }) => ({ skillGroup, level })),
      }
    : { name: '', contact: '', enabled: true, skills: [] };

  return (
    <Modal
      open
      title={agent ? t('editTitle', { name: agent.name }) : t('new')}
      okText={tCommon('save')}
      cancelText={tCommon('cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      width={600}
    >
      <Form<AgentValues>
        name="agent"
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item
          label={tCommon('name')}
          name="name"
          rules={[{ required: true, whitespace: true, message: tCommon('nameRequired') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          label={t('contact')}
          name="contact"
          extra={t('contactHint')}
          rules={[{ required: true, whitespace: true, message: t('contactRequired') }]}
        >
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
                  <Form.Item
                    name={[field.name, 'skillGroup']}
                    rules={[{ required: true, message: t('groupRequired') }]}
                  >
                    <Select
                      options={groupOptions}
                      style={{ width: 260 }}
                      aria-label={t('skillGroupN', { index: index + 1 })}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'level']}
                    rules={[{ required: true, type: 'number', min: 1, max: 10, message: t('levelRange') }]}
                  >
                    <NumberInput min={1} max={10} aria-label={t('levelN', { index: index + 1 })} />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={t('removeSkill', { index: index + 1 })}
                    onClick={() => removeSkill(field.name)}
                  />
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
  );
}
