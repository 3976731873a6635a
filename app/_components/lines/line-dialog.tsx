'use client';
// Create or edit a line: number and label, and the flow + version it answers with ("latest" follows every publish).

import { useMutation, useQuery } from '@tanstack/react-query';
import { Form, Input, Modal, Select, Switch } from 'antd';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { apiErrorMessage } from '../../_lib/api-error';
import { useTRPC, useTRPCClient } from '../../_lib/trpc-react';
import { useStudioApp } from '../shell/studio-app';

export interface LineRow {
  id: string;
  number: string;
  label: string;
  enabled: boolean;
  flowId: string;
  flowName: string;
  version: number | null;
}

interface LineValues {
  number: string;
  label: string;
  flowId: string;
  version: number | 'latest';
  enabled: boolean;
}

export interface LineDialogProps {
  line: LineRow | null;
  /** A new line for this flow (the editor's "bind a line"): chosen already. */
  flow?: { id: string; name: string };
  onClose: () => void;
  onSaved: () => Promise<unknown>;
}

export function LineDialog({ line, flow, onClose, onSaved }: LineDialogProps) {
  const t = useTranslations('lines');
  const tCommon = useTranslations('common');
  const trpc = useTRPC();
  const client = useTRPCClient();
  const { message } = useStudioApp();
  const [form] = Form.useForm<LineValues>();
  const [flowSearch, setFlowSearch] = useState('');
  const flowId = Form.useWatch('flowId', form) ?? line?.flowId ?? flow?.id;

  const flows = useQuery(trpc.flows.list.queryOptions({ search: flowSearch || undefined, limit: 50 }));
  const versions = useQuery({
    ...trpc.versions.list.queryOptions({ flowId: flowId ?? '', limit: 100 }),
    enabled: Boolean(flowId),
  });

  const flowOptions = (flows.data?.items ?? []).map((flow) => ({
    value: flow.id,
    label: `${flow.name} (${flow.key})`,
  }));
  if (line && !flowOptions.some((option) => option.value === line.flowId))
    flowOptions.unshift({ value: line.flowId, label: line.flowName });
  if (flow && !flowOptions.some((option) => option.value === flow.id))
    flowOptions.unshift({ value: flow.id, label: flow.name });
  const versionOptions = [
    { value: 'latest' as const, label: t('latestHint') },
    ...(versions.data?.versions ?? []).map((version) => ({
      value: version.number,
      label: version.note
        ? t('versionWithNote', { version: version.number, note: version.note })
        : t('pinned', { version: version.number }),
    })),
  ];

  const save = useMutation({
    mutationFn: async (values: LineValues) => {
      if (!line)
        return client.lines.create.mutate({
          number: values.number,
          label: values.label ?? '',
          flowId: values.flowId,
          version: values.version,
          enabled: values.enabled,
        });
      if (values.number !== line.number || values.label !== line.label)
        await client.lines.update.mutate({ id: line.id, number: values.number, label: values.label ?? '' });
      const version = line.version ?? 'latest';
      if (values.flowId !== line.flowId || values.version !== version)
        await client.lines.bind.mutate({ id: line.id, flowId: values.flowId, version: values.version });
      return null;
    },
    onSuccess: async () => {
      message.success(tCommon('saved'));
      await onSaved();
      onClose();
    },
    onError: (error) => message.error(tCommon('error', { message: apiErrorMessage(error) })),
  });

  return (
    <Modal
      open
      title={line ? t('editTitle', { number: line.number }) : t('new')}
      okText={tCommon('save')}
      cancelText={tCommon('cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
    >
      <Form<LineValues>
        name="line"
        form={form}
        layout="vertical"
        initialValues={
          line
            ? {
                number: line.number,
                label: line.label,
                flowId: line.flowId,
                version: line.version ?? 'latest',
                enabled: line.enabled,
              }
            : { version: 'latest', enabled: true, label: '', ...(flow ? { flowId: flow.id } : {}) }
        }
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item
          label={t('number')}
          name="number"
          extra={t('numberHint')}
          rules={[{ required: true, whitespace: true, message: t('numberRequired') }]}
        >
          <Input autoFocus />
        </Form.Item>
        <Form.Item label={t('label')} name="label">
          <Input />
        </Form.Item>
        <Form.Item label={t('flow')} name="flowId" rules={[{ required: true, message: t('flowRequired') }]}>
          <Select
            showSearch
            filterOption={false}
            onSearch={setFlowSearch}
            options={flowOptions}
            loading={flows.isFetching}
            onChange={() => form.setFieldValue('version', 'latest')}
          />
        </Form.Item>
        <Form.Item
          label={t('version')}
          name="version"
          extra={flowId && versions.data?.versions.length === 0 ? t('noVersions') : undefined}
        >
          <Select options={versionOptions} loading={versions.isFetching} />
        </Form.Item>
        {!line && (
          <Form.Item label={t('enabled')} name="enabled" valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
