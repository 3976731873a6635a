'use client';
// Import a flow from a JSON file: the server validates it and refuses an invalid one with every problem listed.

import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd';
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { apiErrorMessage, apiFlowIssues } from '../../_lib/api-error';
import { useTRPC } from '../../_lib/trpc-react';
import { nodesInJson, type NamedNode } from '../editor/problems/node-names';
import { useProblemTextFor } from '../editor/problems/use-problem-text-for';
import { useStudioApp } from '../shell/studio-app';

export function ImportFlowButton() {
  const t = useTranslations('flows');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message, modal } = useStudioApp();
  const input = useRef<HTMLInputElement>(null);
  // The file's nodes, so its problems name them by label in the UI language.
  const [fileNodes, setFileNodes] = useState<NamedNode[]>([]);
  const problemText = useProblemTextFor(fileNodes);

  const importFlow = useMutation(
    trpc.flows.import.mutationOptions({
      onSuccess: async (flow) => {
        message.success(t('imported', { name: flow.name }));
        await queryClient.invalidateQueries({ queryKey: trpc.flows.pathKey() });
      },
      onError: (error) => {
        const issues = apiFlowIssues(error);
        modal.error({
          title: t('importFailed', {
            message: issues.length > 0 ? t('importIssues', { count: issues.length }) : apiErrorMessage(error),
          }),
          content: issues.length > 0 && (
            <ul>
              {issues.map((issue, index) => (
                <li key={index}>{problemText(issue)}</li>
              ))}
            </ul>
          ),
        });
      },
    }),
  );

  return (
    <>
      {/* A plain file input (hidden) behind the button: antd's Upload is more than this needs. */}
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Read in the browser and send the text: the server parses, size-checks and validates it.
          if (file)
            void file.text().then((json) => {
              setFileNodes(nodesInJson(json));
              importFlow.mutate({ json });
            });
          event.target.value = '';
        }}
      />
      <Button icon={<UploadOutlined />} loading={importFlow.isPending} onClick={() => input.current?.click()}>
        {t('import')}
      </Button>
    </>
  );
}
