'use client';
// Said after a conflict merged on its own: whose changes arrived, naming nodes by label.

import { Alert } from 'antd';
import { useFormatter, useTranslations } from 'next-intl';
import { useMemo } from 'react';
import type { AutoMerge } from '../autosave/autosaver';
import { useNodeTypeTitle } from '../../nodes/node-texts';
import { nodeNamer } from '../problems/node-names';
import { useEditorStore } from '../store/editor-store-context';

export function MergeNotice({ merged, onClose }: { merged: AutoMerge; onClose(): void }) {
  const t = useTranslations('editor.conflict');
  const format = useFormatter();
  const typeTitle = useNodeTypeTitle();
  const nodes = useEditorStore((s) => s.doc.nodes);
  const items = useMemo(() => {
    // Removed nodes are named as they were in their draft's predecessor; the rest as the editor shows them now.
    const named = nodeNamer(
      [...nodes, ...merged.theirs.nodes.filter((n) => !nodes.some((m) => m.id === n.id))],
      (type) => typeTitle(type),
    );
    return merged.fromTheirs.map((c) => {
      if (c.kind === 'node')
        return c.change === 'removed' ? t('merge.removedItem', { name: c.label ?? t('merge.aNode') }) : named(c.id);
      if (c.kind === 'variable') return t('merge.variable', { name: c.id });
      if (c.kind === 'test') return t('merge.test', { name: c.id });
      return t('merge.setting', { field: t(`merge.fields.${c.id}`) });
    });
  }, [merged, nodes, t, typeTitle]);
  const list = format.list(items, { type: 'conjunction' });
  const title = merged.conflict.bySelf
    ? t('merge.mergedSelf', { count: items.length, items: list })
    : t('merge.merged', { count: items.length, items: list, who: merged.conflict.savedBy ?? t('someone') });
  return (
    <Alert
      type="success"
      showIcon
      banner
      closable={{ onClose, 'aria-label': t('merge.dismiss') }}
      role="status"
      title={title}
    />
  );
}
