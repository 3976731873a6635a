'use client';
// The JSON view in a drawer: the whole draft in Monaco (loaded only when opened); applying it is one command.

import { Drawer } from 'antd';
import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import { useCallback } from 'react';
import type { FlowDocument } from '../../../flow-engine/document';
import { useEditorStore, useEditorStoreApi } from './store/editor-store-context';

const JsonView = dynamic(() => import('../json-view/json-view'), { ssr: false });

export function JsonViewDrawer({ open, onClose }: { open: boolean; onClose(): void }) {
  const t = useTranslations('editor.json');
  const store = useEditorStoreApi();
  const flow = useEditorStore((s) => s.doc);
  const readOnly = useEditorStore((s) => s.readOnly);
  const onApply = useCallback(
    (document: FlowDocument) => store.getState().dispatch({ kind: 'replaceDocument', document }),
    [store],
  );
  return (
    <Drawer open={open} onClose={onClose} title={t('title')} size="large" destroyOnHidden>
      {open && <JsonView flow={flow} onApply={onApply} readOnly={readOnly} />}
    </Drawer>
  );
}
