'use client';
// "Connections" in the inspector: one select per exit of the selected node, so keyboard and screen-reader users can
// connect, re-point and disconnect ports without dragging on the canvas; beside each, a button that makes a new node
// of any type for that exit in two clicks; below, one select that sends every free exit that needs a next step to
// one place.

import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Popover, Select, Space, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { nodeUi } from '../../nodes/index';
import { usePortLabel, useNodeTypeTitle } from '../../nodes/node-texts';
import { useEditorStore, useEditorStoreApi } from '../store/editor-store-context';
import { useContentNodes } from '../store/use-content';
import { addFromPort, connectFreeExits, connectionCommand, portConnections, targetOptions } from './port-connections';

/** The select's value for "leads nowhere" (node ids are never empty). */
const notConnected = '';
/** Values of the "new node" choices: `new:queue` (node ids never contain a colon). */
const NEW_PREFIX = 'new:';
type NewType = Exclude<keyof typeof nodeUi, 'start'>;
const newTypes = (Object.keys(nodeUi) as (keyof typeof nodeUi)[]).filter((type): type is NewType => type !== 'start');

export function ConnectionsSection({ nodeId }: { nodeId: string }) {
  const t = useTranslations('editor.connections');
  const store = useEditorStoreApi();
  const portLabel = usePortLabel();
  const typeTitle = useNodeTypeTitle();
  const readOnly = useEditorStore((s) => s.readOnly);
  // The exit whose "new node" choices are open.
  const [choosingFor, setChoosingFor] = useState<string | null>(null);
  // Ports follow the node's config, targets every node's label; edges decide what is selected.
  const nodes = useContentNodes();
  const edges = useEditorStore((s) => s.doc.edges);
  const rows = useMemo(
    () => portConnections({ ...store.getState().doc, nodes, edges }, nodeId),
    [store, nodes, edges, nodeId],
  );
  const targets = useMemo(
    () =>
      targetOptions({ ...store.getState().doc, nodes }).map((option) => ({
        value: option.id,
        label: t('target', { label: option.label ?? typeTitle(option.type), id: option.id }),
      })),
    [store, nodes, t, typeTitle],
  );
  // "Not connected" is an option, not only a clear button: it is reachable with the arrow keys.
  const options = useMemo(
    () => [
      { value: notConnected, label: t('notConnected') },
      ...targets,
      // A new node placed beside this one with the exit leading to it: no trip to the palette, no drag.
      {
        label: t('newNodes'),
        options: newTypes.map((type) => ({
          value: `${NEW_PREFIX}${type}`,
          label: t('newNode', { type: typeTitle(type) }),
        })),
      },
    ],
    [targets, t, typeTitle],
  );
  if (rows.length === 0) return null;
  // Exits that may end the call (a queue's "answered") are not sent anywhere by the one select for all.
  const free = rows.filter((row) => row.target === undefined && !row.port.mayEnd).length;

  const addNew = (port: string, type: NewType) => {
    setChoosingFor(null);
    const { doc, measured } = store.getState();
    const added = addFromPort(doc, measured, nodeId, port, type, nodeUi[type].newConfig(doc.languages));
    if (!added) return;
    for (const command of added.commands) store.getState().dispatch(command);
    // The new node's inspector comes next: what it needs is usually the next thing to fill in.
    store.getState().select([added.id], []);
  };
  const choose = (port: string, target: string | undefined) => {
    if (target?.startsWith(NEW_PREFIX)) return addNew(port, target.slice(NEW_PREFIX.length) as NewType);
    const command = connectionCommand(store.getState().doc, nodeId, port, target);
    if (command) store.getState().dispatch(command);
  };
  const chooseForFree = (target: string) => {
    const command = connectFreeExits(store.getState().doc, nodeId, target);
    if (command) store.getState().dispatch(command);
  };

  return (
    <section className="cf-connections" aria-labelledby="cf-connections-title">
      <Typography.Title level={5} id="cf-connections-title" style={{ marginTop: 16 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('hint')}</Typography.Paragraph>
      <Form layout="vertical" size="small" component="div">
        {rows.map(({ port, target }) => {
          const name = portLabel(port);
          const id = `cf-connection-${port.name}`;
          const newFrom = t('newNodeFrom', { port: name });
          return (
            <Form.Item key={port.name} label={t('portLeadsTo', { port: name })} htmlFor={id}>
              <Space.Compact style={{ width: '100%' }}>
                <Select<string>
                  id={id}
                  value={target ?? notConnected}
                  options={options}
                  showSearch={{ optionFilterProp: 'label' }}
                  disabled={readOnly}
                  onChange={(value) => choose(port.name, value === notConnected ? undefined : value)}
                  aria-label={t('portLeadsTo', { port: name })}
                  style={{ flex: 1, minWidth: 0 }}
                />
                <Popover
                  trigger="click"
                  placement="left"
                  title={newFrom}
                  open={choosingFor === port.name}
                  onOpenChange={(open) => setChoosingFor(open ? port.name : null)}
                  content={
                    <Flex wrap gap={4} style={{ width: 280 }}>
                      {newTypes.map((type) => {
                        const Icon = nodeUi[type].icon;
                        return (
                          <Button
                            key={type}
                            size="small"
                            icon={<Icon aria-hidden />}
                            style={{ width: 136, justifyContent: 'flex-start' }}
                            onClick={() => addNew(port.name, type)}
                          >
                            {t('newNode', { type: typeTitle(type) })}
                          </Button>
                        );
                      })}
                    </Flex>
                  }
                >
                  <Button icon={<PlusOutlined />} aria-label={newFrom} title={newFrom} disabled={readOnly} />
                </Popover>
              </Space.Compact>
            </Form.Item>
          );
        })}
        {free > 1 && (
          <Form.Item label={t('freeExitsLeadTo', { count: free })} htmlFor="cf-connection-free">
            <Select<string>
              id="cf-connection-free"
              value={null}
              placeholder={t('chooseStep')}
              options={targets}
              showSearch={{ optionFilterProp: 'label' }}
              disabled={readOnly}
              onChange={chooseForFree}
              aria-label={t('freeExitsLeadTo', { count: free })}
            />
          </Form.Item>
        )}
      </Form>
    </section>
  );
}
