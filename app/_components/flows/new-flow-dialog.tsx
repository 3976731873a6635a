'use client';
// "New flow": a name and a starting point (blank or a template), with a preview of what the template installs here.

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { isLocale } from '../../_i18n/locales';
import type { TemplateSummary } from '../../_server/flows/templates';
import { apiErrorMessage } from '../../_lib/api-error';
import { useTRPC } from '../../_lib/trpc-react';
import { TemplatePreview } from './template-preview';
import { useLocalTemplates } from './template-texts';
import { useStudioApp } from '../shell/studio-app';

interface NewFlowValues {
  name: string;
  template: string;
}

const blank = '';

export function NewFlowDialog({
  open,
  templates: listed,
  onClose,
}: {
  open: boolean;
  templates: TemplateSummary[];
  onClose: () => void;
}) {
  const t = useTranslations('flows.create');
  const locale = useLocale();
  const templates = useLocalTemplates(listed);
  const tCommon = useTranslations('common');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const { message } = useStudioApp();
  const [form] = Form.useForm<NewFlowValues>();
  const template = Form.useWatch('template', form) ?? blank;

  const create = useMutation(
    trpc.flows.create.mutationOptions({
      onSuccess: async (flow) => {
        message.success(t('created', { name: flow.name }));
        await queryClient.invalidateQueries({ queryKey: trpc.flows.pathKey() });
        onClose();
        form.resetFields();
        router.push(`/flows/${flow.id}`);
      },
      onError: (error) => message.error(tCommon('error', { message: apiErrorMessage(error) })),
    }),
  );

  function pickTemplate(id: string) {
    // Suggest the template's name until the user types their own.
    const chosen = templates.find((entry) => entry.id === id);
    const current = form.getFieldValue('name') as string | undefined;
    const suggested = templates.some((entry) => entry.name === current);
    if (chosen && (!current || suggested)) form.setFieldValue('name', chosen.name);
  }

  return (
    <Modal
      title={t('title')}
      open={open}
      onCancel={onClose}
      okText={t('submit')}
      cancelText={tCommon('cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      width={720}
      destroyOnHidden
    >
      <Form<NewFlowValues>
        name="new-flow"
        form={form}
        layout="vertical"
        initialValues={{ template: blank, name: '' }}
        onFinish={(values) =>
          create.mutate({
            name: values.name.trim(),
            template: values.template || undefined,
            language: isLocale(locale) ? locale : undefined,
          })
        }
      >
        <Form.Item
          label={t('name')}
          name="name"
          rules={[{ required: true, whitespace: true, message: t('nameRequired') }, { max: 200 }]}
        >
          <Input autoFocus />
        </Form.Item>
        <Form.Item label={t('start')} name="template">
          <Radio.Group onChange={(event) => pickTemplate(String(event.target.value))} style={{ width: '100%' }}>
            <Space direction="vertical" style={{ width: '100%' }}>
              <Radio value={blank}>
                <Typography.Text strong>{t('blank')}</Typography.Text>{' '}
                <Typography.Text type="secondary">{t('blankHint')}</Typography.Text>
              </Radio>
              {templates.map((entry) => (
                <Radio key={entry.id} value={entry.id}>
                  <Typography.Text strong>{entry.name}</Typography.Text>{' '}
                  <Typography.Text type="secondary">
                    {t('templateNodes', { count: entry.nodeCount })}
                    {entry.description ? ` · ${entry.description}` : ''}
                  </Typography.Text>
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
      </Form>
      {template !== blank && <TemplatePreview template={template} />}
    </Modal>
  );
}
