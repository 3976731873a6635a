'use client';
// Under the selected node's form: each variable the node reads or stores into that the flow does not declare,
// with one button that declares it (with the type its use suggests) in the flow's variables.

import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Space } from 'antd';
import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { missingVariables, withDeclared } from '../../inspector/variables/missing-variables';
import { useEditorStore, useEditorStoreApi } from '../store/editor-store-context';

export function MissingVariablesSection({ nodeId }: { nodeId: string }) {
  const t = useTranslations('inspector.missingVariables');
  const tTypes = useTranslations('inspector.variables.types');
  const store = useEditorStoreApi();
  const errors = useEditorStore((s) => s.issues.errors);
  const variables = useEditorStore((s) => s.doc.variables);
  const readOnly = useEditorStore((s) => s.readOnly);
  // The draft is read from the store; `variables` is a dependency because a declared variable changes the answer.
  const missing = useMemo(
    () => missingVariables(store.getState().doc, nodeId, errors),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `variables` triggers a fresh read
    [store, nodeId, errors, variables],
  );
  if (missing.length === 0 || readOnly) return null;
  const declare = (names: string[]) => {
    const doc = store.getState().doc;
    store.getState().dispatch({
      kind: 'updateFlow',
      patch: {
        variables: withDeclared(
          doc.variables,
          missing.filter((m) => names.includes(m.name)),
        ),
      },
    });
  };
  return (
    <Alert
      type="warning"
      style={{ margin: '8px 0' }}
      title={t('title', { count: missing.length })}
      description={
        <Space wrap size={4}>
          {missing.map((m) => (
            <Button key={m.name} size="small" icon={<PlusOutlined />} onClick={() => declare([m.name])}>
              {t('declare', { name: m.name, type: tTypes(m.type) })}
            </Button>
          ))}
        </Space>
      }
    />
  );
}
