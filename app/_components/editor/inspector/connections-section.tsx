'use client';
// "Connections" in the inspector: one select per exit of the selected node, so keyboard and screen-reader users can
// connect, re-point and disconnect ports without dragging on the canvas.

import { Form, Select, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { nodeUi } from '../../nodes/index';
import { usePortLabel, useNodeTypeTitle } from '../canvas/node-texts';
import { useEditorStore, useEditorStoreApi } from '../store/editor-store-context';
import { useContentNodes } from '../store/use-content';
import { addFromPort, connectionCommand, portConnections, targetOptions } from './port-connections';

/** The select's value for "leads nowhere" (node ids are never empty). */
const notConnected = '';
/** Values of the "new node" choices: `new:queue` (node ids never contain a colon). */
const NEW_PREFIX = 'new:';
const newTypes = (Object.keys(nodeUi) as (keyof typeof nodeUi)[]).filter((type) => type !== 'start');

export function ConnectionsSection({ nodeId }: { nodeId: string }) {
  const t = useTranslations('editor.connections');
  const store = useEditorStoreApi();
  const portLabel = usePortLabel();
  const typeTitle = useNodeTypeTitle();
  const readOnly = useEditorStore((s) => s.readOnly);
  // Ports follow the node's config, targets every node's label; edges decide what is selected.
  const nodes = useContentNodes();
  const edges = useEditorStore((s) => s.doc.edges);
  const rows = useMemo(() => portConnections({ ...store.getState().doc, nodes, edges }, nodeId), [store, nodes, edges, nodeId]);
  // "Not connected" is an option, not only a clear button: it is reachable with the arrow keys.
  const options = useMemo(
    () => [
      { value: notConnected, label: t('notConnected') },
      ...targetOptions({ ...store.getState().doc, nodes }).map((option) => ({
        value: option.id,
        label: t('target', { label: option.label ?? typeTitle(option.type, option.type), id: option.id }),
      })),
      // A new node placed beside this one with the exit leading to it: no trip to the palette, no drag.
      { label: t('newNodes'), options: newTypes.map((type) => ({ value: `${NEW_PREFIX}${type}`, label: t('newNode', { type: typeTitle(type, type) }) })) },
    ],
    [store, nodes, t, typeTitle],
  );
  if (rows.length === 0) return null;

  const choose = (port: string, target: string | undefined) => {
    if (target?.startsWith(NEW_PREFIX)) {
      const type = target.slice(NEW_PREFIX.length) as keyof typeof nodeUi;
      const { doc, measured } = store.getState();
      const added = addFromPort(doc, measured, nodeId, port, type, nodeUi[type].newConfig(doc.languages));
      if (!added) return;
      for (const command of added.commands) store.getState().dispatch(command);
      // The new node's inspector comes next: what it needs is usually the next thing to fill in.
      store.getState().select([added.id], []);
      return;
    }
    const command = connectionCommand(store.getState().doc, nodeId, port, target);
    if (command) store.getState().dispatch(command);
  };

  return (
    <section className="cf-connections" aria-labelledby="cf-connections-title">
      <Typography.Title level={5} id="cf-connections-title" style={{ marginTop: 16 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('hint')}
      </Typography.Paragraph>
      <Form layout="vertical" size="small" component="div">
        {rows.map(({ port, target }) => {
          const name = portLabel(port);
          const id = `cf-connection-${port.name}`;
          return (
            <Form.Item key={port.name} label={t('portLeadsTo', { port: name })} htmlFor={id}>
              <Select<string>
                id={id}
                value={target ?? notConnected}
                options={options}
                showSearch={{ optionFilterProp: 'label' }}
                disabled={readOnly}
                onChange={(value) => choose(port.name, value === notConnected ? undefined : value)}
                aria-label={t('portLeadsTo', { port: name })}
              />
            </Form.Item>
          );
        })}
      </Form>
    </section>
  );
}
