'use client';
// Shown to admins once the flow is published while no line answers with it: callers cannot reach it yet. "Bind a
// line" opens the lines page's own dialog here, with this flow chosen, so publishing and going live are one place.

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useTRPC } from '../../../_lib/trpc-react';
import { LineDialog } from '../../lines/line-dialog';

export function NoLineBanner({ flowId, flowName, version }: { flowId: string; flowName: string; version: number }) {
  const t = useTranslations('editor.served');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const lines = useQuery(trpc.lines.list.queryOptions());
  const [binding, setBinding] = useState(false);
  const answered = lines.data?.some((line) => line.flowId === flowId);
  return (
    <>
      {lines.data && !answered && (
        <Alert
          type="info"
          showIcon
          banner
          role="status"
          title={t('noLine', { version })}
          action={
            <Button size="small" type="primary" onClick={() => setBinding(true)}>
              {t('bindLine')}
            </Button>
          }
        />
      )}
      {binding && (
        <LineDialog
          line={null}
          flow={{ id: flowId, name: flowName }}
          onClose={() => setBinding(false)}
          onSaved={() => queryClient.invalidateQueries({ queryKey: trpc.lines.list.queryKey() })}
        />
      )}
    </>
  );
}
