'use client';
// Import a flow from a JSON file: the server validates it and refuses an invalid one with every problem listed.

import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Upload } from 'antd';
import { useTranslations } from 'next-intl';
import { apiErrorMessage, apiFlowIssues } from '../../_lib/api-error';
import { useTRPC } from '../../_lib/trpc-react';

export function ImportFlowButton() {
  const t = useTranslations('flows');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();

  const importFlow = useMutation(
    trpc.flows.import.mutationOptions({
      onSuccess: async (flow) => {
        message.success(t('imported', { name: flow.name }));
        await queryClient.invalidateQueries({ queryKey: trpc.flows.pathKey() });
      },
      onError: (error) => {
        const issues = apiFlowIssues(error);
        modal.error({
          title: t('importFailed', { message: issues.length > 0 ? t('importIssues', { count: issues.length }) : apiErrorMessage(error) }),
          content: issues.length > 0 && (
            <ul>
              {issues.map((issue, index) => (
                <li key={index}>{issue.nodeId ? `${issue.nodeId}: ${issue.message}` : issue.message}</li>
              ))}
            </ul>
          ),
        });
      },
    }),
  );

  return (
    <Upload
      accept=".json,application/json"
      showUploadList={false}
      beforeUpload={(file) => {
        // Read in the browser and send the text: the server parses, size-checks and validates it.
        void file.text().then((json) => importFlow.mutate({ json }));
        return Upload.LIST_IGNORE;
      }}
    >
      <Button icon={<UploadOutlined />} loading={importFlow.isPending}>
        {t('import')}
      </Button>
    </Upload>
  );
}
