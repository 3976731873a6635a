'use client';
// The Ctrl/Cmd-F box: type to find nodes by label, id, prompt text or variable; Enter or a click frames the node.

import { Input, List, Modal, Typography, type InputRef } from 'antd';
import { useTranslations } from 'next-intl';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useFrameNode } from '../canvas/use-frame-node';
import { useContentDoc } from '../store/use-content';
import { findNodes } from './find-nodes';

/** `seed`: the query to open with (the palette passes what was typed there); otherwise the last query, selected. */
export function FindDialog({ open, seed, onClose }: { open: boolean; seed?: string; onClose(): void }) {
  const t = useTranslations('editor.find');
  const doc = useContentDoc();
  const [query, setQuery] = useState('');
  const input = useRef<InputRef>(null);
  useEffect(() => {
    if (open && seed !== undefined) setQuery(seed);
  }, [open, seed]);
  const frameNode = useFrameNode();
  const matches = useMemo(() => (open ? findNodes(doc, query) : []), [doc, query, open]);
  const labelOf = (id: string) => doc.nodes.find((n) => n.id === id)?.label ?? id;

  const go = (nodeId: string) => {
    frameNode(nodeId);
    onClose();
  };

  return (
    // The last query comes back selected: typing replaces it, arrows keep it.
    <Modal
      open={open}
      onCancel={onClose}
      footer={null}
      title={t('title')}
      destroyOnHidden
      afterOpenChange={(opened) => opened && input.current?.select()}
    >
      <Input.Search
        ref={input}
        autoFocus
        aria-label={t('input')}
        placeholder={t('placeholder')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onSearch={() => matches[0] && go(matches[0].nodeId)}
        enterButton={t('go')}
      />
      {query.trim() && (
        <List
          aria-label={t('results')}
          size="small"
          locale={{ emptyText: t('none') }}
          dataSource={matches}
          renderItem={(match) => (
            <List.Item>
              <button type="button" className="cf-find-result" onClick={() => go(match.nodeId)}>
                <strong>{labelOf(match.nodeId)}</strong>{' '}
                <Typography.Text type="secondary">
                  {t(`field.${match.field}`)}: {match.text}
                </Typography.Text>
              </button>
            </List.Item>
          )}
        />
      )}
    </Modal>
  );
}
